/**
 * Content collections: the narrative pages in content/ (Markdown/MDX). Figures enter
 * narrative only through the <Fig id="…" /> component, never typed by hand.
 * The CSV tables are not collections: see README, "Architecture".
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const pages = defineCollection({
  loader: glob({ pattern: '**/*.{md,mdx}', base: './content/pages' }),
  schema: z.object({
    title: z.string().describe('Page title, in Chinese.'),
    description: z.string().optional().describe('One-sentence summary for search engines and link previews.'),
  }),
});

export const collections = { pages };
