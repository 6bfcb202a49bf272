import { render } from 'preact';
import { preparePage } from '../../components/panel/common';
import { EditorApp } from '../../components/editor/App';
import '../../components/pages.css';
import '../../components/editor/editor.css';

preparePage('editorTitle');
render(<EditorApp />, document.getElementById('app')!);
