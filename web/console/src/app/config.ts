import { configHolder, type BaseConfig } from '@shared/app/config'

/** The console reads the gateway, Keycloak and its realm client (hr-console) from /config.json. */
export type ConsoleConfig = BaseConfig

const holder = configHolder<ConsoleConfig>()
export const loadConfig = holder.load
export const config = holder.get
export const setConfig = holder.set
