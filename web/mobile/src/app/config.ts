import { configHolder, type BaseConfig } from '@shared/app/config'

/** The app reads the gateway, Keycloak, its realm client (youth-mobile) and the privacy notice's version from /config.json. */
export interface AppConfig extends BaseConfig {
  privacyNoticeVersion: string
}

const holder = configHolder<AppConfig>()
export const loadConfig = holder.load
export const config = holder.get
export const setConfig = holder.set
