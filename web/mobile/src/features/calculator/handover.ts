import type { Answers, ProfilePath } from '@/features/profile/profileFields'

/**
 * Carries the calculator's answers into the profile when the resident signs in or registers from the results.
 * Memory does not survive the Keycloak redirect, so they wait in sessionStorage — only the calculator's own
 * questions (never name, ID number, phone or e-mail), only for this tab, and removed as soon as the profile draft
 * takes them over.
 */
const KEY = 'qj.calculatorAnswers'

export function keepForProfile(answers: Answers, paths: readonly ProfilePath[]): void {
  const kept: Answers = {}
  for (const path of paths) if (answers[path] !== undefined) kept[path] = answers[path]
  sessionStorage.setItem(KEY, JSON.stringify(kept))
}

/** The kept answers, once: reading them removes them. */
export function takeOverForProfile(): Answers | undefined {
  const stored = sessionStorage.getItem(KEY)
  if (stored === null) return undefined
  sessionStorage.removeItem(KEY)
  try {
    return JSON.parse(stored) as Answers
  } catch {
    return undefined
  }
}
