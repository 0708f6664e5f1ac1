// The problem type is shared with the officers' console: one owner, in web/shared.
export * from '@shared/api/problem'
