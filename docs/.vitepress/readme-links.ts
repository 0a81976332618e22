import type { MarkdownRenderer } from 'vitepress';

const repository = 'https://github.com/resilient-llm/resilient-llm/blob/main';
const packageReadme = /^(?:\.\.\/)+(?:packages\/)?([a-z-]+)\/README\.md(#.*)?$/;
const packagePage = /^packages\/([a-z-]+)\.md$/;
const relative = /^(?![a-z]+:|\/|#)/i;

/** Where a link of an included README points on the site, or undefined to leave it. */
function rewrite(href: string, packageName: string | undefined): string | undefined {
  const readme = packageReadme.exec(href);
  if (readme) return `/packages/${readme[1]}${readme[2] ?? ''}`;
  // Other relative links of a package README point into the package's folder of the repo.
  if (packageName && relative.test(href)) return `${repository}/packages/${packageName}/${href}`;
  return undefined;
}

/**
 * Package READMEs are included into the site as they are, so their links between each other
 * (`../core/README.md`) are rewritten to the package pages (`/packages/core`), and their
 * links to files of the package (`test/side-by-side.test.ts`) to the repository.
 */
export function readmeLinks(md: MarkdownRenderer): void {
  md.core.ruler.push('readme-links', (state) => {
    const page = packagePage.exec(String(state.env.relativePath ?? ''));
    for (const token of state.tokens) {
      for (const child of token.children ?? []) {
        const href = child.type === 'link_open' ? child.attrGet('href') : null;
        const target = href ? rewrite(href, page?.[1]) : undefined;
        if (target) child.attrSet('href', target);
      }
    }
  });
}
