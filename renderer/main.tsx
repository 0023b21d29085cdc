/** Renderer entry point. */
import './app/zodConfig'; // first: before any module builds a zod schema
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './app/styles/base.css';
import './app/styles/shell.css';
import './app/styles/editor.css';

const container = document.getElementById('root');
if (container === null) throw new Error('[app] #root missing from index.html');
createRoot(container).render(<App />);
