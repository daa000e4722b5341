import { lingui } from '@lingui/vite-plugin';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The web app: built into dist/web (beside the API's build), which the API serves at `/`. */
export default defineConfig({
  root: __dirname,
  plugins: [react({ babel: { plugins: ['@lingui/babel-plugin-lingui-macro'] } }), lingui()],
  build: { outDir: '../../dist/web', emptyOutDir: true, sourcemap: false, target: 'es2022' },
  // `npm run dev:web`: Vite's dev server, with the API's paths sent to a running API.
  server: {
    proxy: {
      '/graphql': 'http://localhost:3000',
      '/auth': 'http://localhost:3000',
      '/health': 'http://localhost:3000',
    },
  },
});
