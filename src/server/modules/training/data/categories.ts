// The categories and modes live in src/shared: the web pages name them too.
export * from '../../../../shared/training-categories';
