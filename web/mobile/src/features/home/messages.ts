export default {
  'zh-CN': { home: { title: '青年衢江', intro: '填写几个问题，看看衢江区40条青年政策中哪些适合您。' } },
  en: { home: { title: 'Youth Qujiang', intro: 'Answer a few questions and see which of Qujiang\'s 40 youth measures may fit you.' } },
}
