import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/artifacts/**', 'release/**', 'resources/**', 'src-main/media/render/kernel/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/shell/**'],
    rules: {
      // The core is plain Node: Electron is reached only through src-main/shell/ (see test/unit/purity.test.ts).
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only src-main/shell/ may import electron.' }] }],
    },
  },
);
