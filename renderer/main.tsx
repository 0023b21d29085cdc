/** Renderer entry point. */
import './app/earlyPreload'; // first of all: starts downloading the workspace screen for a returning user
import './app/zodConfig'; // before any module builds a zod schema
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startBoot } from './app/boot';
import { markPlatform } from './app/markPlatform';
import { measurePhase } from './platform/measurePhase';
import './app/styles/base.css';
import './app/styles/shell.css';
import './app/styles/editor.css';

// From the navigation until every module has run: fetching, parsing and starting the bundle.
measurePhase('open:script', 0);
// Before the first render: settings, storage and the first screen's code load while React starts.
const boot = startBoot();
markPlatform(document.documentElement); // before anything with text is laid out
const container = document.getElementById('root');
if (container === null) throw new Error('[app] #root missing from index.html');
const root = createRoot(container);
// Rendered once, when the boot is done: until then index.html's own "Starting Duet…" shows (a loading state
// rendered first cost a commit, a layout and a paint). Synchronously, so that the first commit's effects —
// the editor's binding among them, which then reads the stored playbook — run at once instead of after a
// frame of an empty editor: the first frame shows the text (bench/openPlaybook.mjs).
void boot.then((done) => flushSync(() => root.render(<App boot={done} />)));
