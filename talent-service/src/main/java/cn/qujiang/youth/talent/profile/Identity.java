package cn.qujiang.youth.talent.profile;

import cn.qujiang.youth.talent.crypto.Sealed;

/** {@link PersonalData} as stored: every field sealed with AES-256-GCM. */
record Identity(Sealed name, Sealed idNumber, Sealed phone, Sealed email) {
}
