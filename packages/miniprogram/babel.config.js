// Taro's preset compiles the app, the shared source and the packages that ship newer syntax for
// weapp, down to the oldest WeChat client we support (config/floor.js).
const { babelTargets } = require('./config/floor.cjs')

module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', targets: babelTargets }]],
}
