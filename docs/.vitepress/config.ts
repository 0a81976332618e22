import { defineConfig } from 'vitepress';
import { readmeLinks } from './readme-links.ts';

const packages = ['core', 'policies', 'openai', 'ai-sdk', 'cache', 'batch', 'redis', 'simulator'];

export default defineConfig({
  title: 'resilient-llm',
  description: 'LLM calls that survive 429 storms, overloads, slow first tokens and outages.',
  cleanUrls: true,
  head: [['link', { rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }]],
  // README.md describes how this site is built; it is not a page.
  srcExclude: ['README.md'],
  markdown: { config: readmeLinks },
  // The local search index is one large chunk by design.
  vite: { build: { chunkSizeWarningLimit: 2_000 } },
  themeConfig: {
    search: { provider: 'local' },
    nav: [
      { text: 'Guide', link: '/guide/getting-started' },
      { text: 'Recipes', link: '/recipes/' },
      { text: 'Packages', link: '/packages/core' },
      { text: 'API', link: '/api/' },
      { text: 'Benchmark', link: '/benchmark' },
    ],
    sidebar: {
      '/': [
        {
          text: 'Guide',
          items: [
            { text: 'Getting started', link: '/guide/getting-started' },
            { text: 'Concepts', link: '/guide/concepts' },
          ],
        },
        {
          text: 'Recipes',
          link: '/recipes/',
          items: [
            { text: '1. Survive 429s', link: '/recipes/429-gateway' },
            { text: '2. Fail over', link: '/recipes/failover' },
            { text: '3. Streaming chat route', link: '/recipes/streaming-route' },
            { text: '4. Cache, then Redis', link: '/recipes/cache' },
            { text: '5. Batch and coalesce', link: '/recipes/batch' },
            { text: '6. Any async function', link: '/recipes/any-async-function' },
            { text: '7. Chaos-test your app', link: '/recipes/chaos-test' },
            { text: '8. Observe', link: '/recipes/observe' },
            { text: '9. Many instances, one quota', link: '/recipes/many-instances-one-quota' },
          ],
        },
        {
          text: 'Packages',
          items: packages.map((name) => ({ text: name, link: `/packages/${name}` })),
        },
        {
          text: 'Reference',
          items: [
            {
              text: 'API reference',
              link: '/api/',
              collapsed: true,
              items: packages.map((name) => ({
                text: `@resilient-llm/${name}`,
                link: `/api/@resilient-llm/${name}/`,
              })),
            },
            { text: 'Benchmark', link: '/benchmark' },
          ],
        },
      ],
    },
    outline: { level: [2, 3] },
  },
});
