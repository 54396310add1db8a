// Modules made by the Vite plugins of vite.config.ts.
declare module 'virtual:leviers-catalogue' {
	const catalogue: import('$lib/domain/content/catalogue-data').Catalogue;
	export default catalogue;
}
