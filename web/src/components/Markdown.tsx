import { Fragment, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18n.js';
import { parseMarkdown, type MdBlock, type MdList, type Run } from '../../../src/domain/markdown.js';

/** Item text (markdown) as elements; headings start below the block's own heading level. */
function Runs({ runs }: { runs: readonly Run[] }) {
  const { t } = useI18n();
  return (
    <>
      {runs.map((r, i) => {
        let node: ReactNode = r.text;
        // struck through is said, not only drawn: screen readers do not announce <del> by default
        if (r.strike)
          node = (
            <del>
              <span className="visually-hidden">{t('markdown.struck')} </span>
              {node}
            </del>
          );
        if (r.italic) node = <em>{node}</em>;
        if (r.bold) node = <strong>{node}</strong>;
        return <Fragment key={i}>{node}</Fragment>;
      })}
    </>
  );
}

function List({ list }: { list: MdList }) {
  const items = list.items.map((item, i) => (
    <li key={i}>
      <Runs runs={item.runs} />
      {item.children.map((child, j) => (
        <List key={j} list={child} />
      ))}
    </li>
  ));
  return list.ordered ? <ol start={list.start}>{items}</ol> : <ul>{items}</ul>;
}

function Block({ block, baseLevel }: { block: MdBlock; baseLevel: number }) {
  switch (block.kind) {
    case 'heading': {
      const level = Math.min(6, baseLevel + block.level) as 2 | 3 | 4 | 5 | 6;
      const Tag = `h${level}` as const;
      return (
        <Tag className="md-heading">
          <Runs runs={block.runs} />
        </Tag>
      );
    }
    case 'paragraph':
      return (
        <p>
          <Runs runs={block.runs} />
        </p>
      );
    case 'quote':
      return (
        <blockquote>
          <Runs runs={block.runs} />
        </blockquote>
      );
    case 'list':
      return <List list={block} />;
  }
}

export function Markdown({ text, baseLevel }: { text: string; baseLevel: number }) {
  return (
    <div className="markdown">
      {parseMarkdown(text).map((block, i) => (
        <Block key={i} block={block} baseLevel={baseLevel} />
      ))}
    </div>
  );
}
