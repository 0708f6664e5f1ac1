export default {
  'zh-CN': {
    settings: {
      title: '消息设置',
      category: {
        match: { title: '新政策匹配提醒', hint: '有新政策适合您时告诉您' },
        application: { title: '申请进度提醒', hint: '申请受理、审核结果等有变化时告诉您' },
      },
      channel: { inApp: '站内消息', sms: '短信', email: '邮件' },
      channelLabel: '{category}：{channel}',
      allOff: '已全部关闭，您将收不到这类提醒。',
      contactHint: '短信和邮件会发到您资料里填写的手机号和邮箱。',
      language: { title: '提醒使用的语言', profile: '跟随我的资料', zh: '中文', en: 'English' },
      quiet: {
        title: '短信免打扰',
        enabled: '开启免打扰时段',
        hint: '这段时间内不发短信，等时段结束后再发；站内消息和邮件照常发送。时间为北京时间。',
        from: '开始时间',
        to: '结束时间',
        nextDay: '次日 {time}',
        pickFrom: '选择开始时间',
        pickTo: '选择结束时间',
      },
      errors: {
        summary: '有些设置需要修改，请查看下面标红的地方。',
        time: '请选择一个时间',
        sameTimes: '开始和结束时间不能相同',
      },
      saved: '已保存',
    },
  },
  en: {
    settings: {
      title: 'Notification settings',
      category: {
        match: { title: 'New measures for me', hint: 'When a new measure fits you' },
        application: { title: 'My applications', hint: 'When an application is received or decided' },
      },
      channel: { inApp: 'In-app message', sms: 'Text message', email: 'E-mail' },
      channelLabel: '{category}: {channel}',
      allOff: 'All switched off: you will not hear about these.',
      contactHint: 'Text messages and e-mails go to the phone number and address in your profile.',
      language: { title: 'Language of the messages', profile: 'As in my profile', zh: '中文', en: 'English' },
      quiet: {
        title: 'Quiet hours for text messages',
        enabled: 'Quiet hours on',
        hint: 'No text messages are sent in this period; they follow when it ends. In-app messages and e-mails are not held back. Times are China Standard Time.',
        from: 'From',
        to: 'Until',
        nextDay: '{time} next day',
        pickFrom: 'Quiet from',
        pickTo: 'Quiet until',
      },
      errors: {
        summary: 'Some settings need changing; see the marked fields below.',
        time: 'Choose a time',
        sameTimes: 'Start and end must differ',
      },
      saved: 'Saved',
    },
  },
}
