/** Renderer entry point. */
import './app/earlyPreload'; // first of all: starts downloading the workspace screen for a returning user
import './app/zodConfig'; // before any module builds a zod schema
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
createRoot(container).render(<App boot={boot} />);
