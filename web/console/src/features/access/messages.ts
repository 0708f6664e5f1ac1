export default {
  'zh-CN': {
    access: {
      title: '没有审核权限',
      body: '您登录的账号 {name} 没有经办人员权限，不能查看和审核申请。如需办理，请联系系统管理员开通“人才经办”角色。',
      other: '换一个账号登录',
      policy: {
        title: '没有政策管理权限',
        body: '您登录的账号 {name} 没有政策管理员权限，不能查看和修改政策。如需办理，请联系系统管理员开通“政策管理”角色。',
      },
    },
  },
  en: {
    access: {
      title: 'No access to the review',
      body: 'The account {name} you signed in with is not an HR officer and cannot see or decide applications. Ask the administrator for the HR officer role.',
      other: 'Sign in with another account',
      policy: {
        title: 'No access to the measures',
        body: 'The account {name} you signed in with is not a policy admin and cannot see or change measures. Ask the administrator for the policy admin role.',
      },
    },
  },
}
