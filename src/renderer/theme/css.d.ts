// Stylesheets imported for their side effect (Vite bundles them); TypeScript needs to know they exist.
declare module '*.css';
