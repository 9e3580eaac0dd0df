/** The demo's names in English, held with the data as a district would set them (admin translation:set). */
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

/** The demo's names in English ({n}: a number carried over). Traditional comes from opencc-js. */
export const DEMO_ENGLISH: Readonly<Record<string, string>> = {
  幸福里社区卫生服务中心: 'Xingfuli Community Health Centre',
  幸福里社区服务站: 'Xingfuli Community Service Station',
  '幸福里街道幸福路 88 号': '88 Xingfu Road, Xingfuli Subdistrict',
  '幸福里街道和平巷 12 号': '12 Heping Lane, Xingfuli Subdistrict',
  全科: 'General practice',
  中医科: 'Traditional Chinese medicine',
  口腔科: 'Dental clinic',
  老年证办理: 'Senior citizen card',
  社保认证: 'Pension certification',
  幸福里第一网格: 'Xingfuli Grid 1',
  幸福里第二网格: 'Xingfuli Grid 2',
  幸福里第三网格: 'Xingfuli Grid 3',
  幸福里社区: 'Xingfuli Community',
  '幸福里小区 1–6 号楼': 'Xingfuli Estate, buildings 1–6',
  '幸福里小区 7–12 号楼、和平巷': 'Xingfuli Estate, buildings 7–12, and Heping Lane',
  '幸福路沿街商铺、社区服务站周边': 'Shops along Xingfu Road and around the community service station',
  维修报修: 'Repairs',
  环境卫生: 'Cleanliness and rubbish',
  政策咨询: 'Questions about services and benefits',
  邻里纠纷: 'Disputes between neighbours',
  意见建议: 'Suggestions',
  其他问题: 'Something else',
  幸福里便民缴费代收点: 'Xingfuli bill payment point',
  '用水 {n} 吨': 'Water used: {n} tonnes',
  '用电 {n} 度': 'Electricity used: {n} kWh',
  '用气 {n} 立方米': 'Gas used: {n} cubic metres',
  污水处理费: 'Sewage charge',
  物业服务费: 'Property management fee',
  公共能耗分摊: 'Shared energy of common areas',
  门诊诊查费: 'Outpatient consultation',
  西药费: 'Western medicine',
  口腔检查: 'Dental check-up',
  '幸福里小区 {n} 号楼 {n} 单元 {n} 室': 'Room {3}, Unit {2}, Building {1}, Xingfuli Estate',
}

export async function seedDemoTranslations(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto('name_translations')
    .values(Object.entries(DEMO_ENGLISH).map(([source, text]) => ({ source, lang: 'en', text })))
    .onConflict((oc) => oc.columns(['source', 'lang']).doNothing())
    .execute()
}
