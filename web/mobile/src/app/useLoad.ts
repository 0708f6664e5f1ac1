// Load state is shared with the officers' console: one owner, in web/shared.
export * from '@shared/app/useLoad'
