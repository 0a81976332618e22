import type { MarkdownRenderer } from 'vitepress';

const packageReadme = /^(?:\.\.\/)+(?:packages\/)?([a-z-]+)\/README\.md(#.*)?$/;

/**
 * Package READMEs are included into the site as they are, so their links between each other
 * (`../core/README.md`) are rewritten to the package pages (`/packages/core`).
 */
export function readmeLinks(md: MarkdownRenderer): void {
  md.core.ruler.push('readme-links', (state) => {
    for (const token of state.tokens) {
      for (const child of token.children ?? []) {
        const href = child.type === 'link_open' ? child.attrGet('href') : null;
        const match = href ? packageReadme.exec(href) : null;
        if (match) child.attrSet('href', `/packages/${match[1]}${match[2] ?? ''}`);
      }
    }
  });
}
