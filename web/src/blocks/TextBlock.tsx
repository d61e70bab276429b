import { Markdown } from '../components/Markdown.js';
import type { ViewOf } from './types.js';

export function TextBlock({ view }: { view: ViewOf<'text'> }) {
  return (
    <div className="block block-text">
      {view.heading ? <h4>{view.heading}</h4> : null}
      <Markdown text={view.markdown} baseLevel={4} />
    </div>
  );
}
