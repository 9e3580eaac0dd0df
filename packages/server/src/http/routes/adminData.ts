/**
 * The administration area's routes: reference data, staff, kiosks and billers. Each change runs
 * through the same functions as the operator CLI (admin/), audited with the administrator as actor.
 */
import type { FastifyInstance } from 'fastify'
import {
  addBiller,
  addKiosk,
  addStaff,
  billerRow,
  changeStaff,
  disableStaff,
  enrolKiosk,
  listBillers,
  listKiosks,
  listStaff,
  resetStaffPassword,
  revokeBiller,
  revokeKiosk,
  rotateBillerKey,
  rotateKioskKey,
  showEnrolCode,
} from '../../admin/commands'
import type { AdminActor, AdminContext } from '../../admin/context'
import type { Language } from '@bangban/core/i18n'
import { importFile, listImports, pushBills, type ImportContext } from '../../imports'
import { reconciliationCsv } from '../../imports/reconciliation'
import {
  addCategory,
  addGrid,
  addPlace,
  addService,
  changeCategory,
  changeGrid,
  changePlace,
  changeService,
  listCategories,
  listGridsForAdmin,
  listPlaces,
  listServices,
} from '../../admin/reference'
import { ensureSlots } from '../../booking/schedule'
import type { StaffMemberCaller } from '../caller'
import type { AppContext } from '../context'
import { defineRoute } from '../routing'

export function adminDataRoutes(app: FastifyInstance, ctx: AppContext): void {
  const as = (caller: StaffMemberCaller): AdminContext => ({
    db: ctx.db,
    clock: ctx.clock,
    actor: { kind: 'staff', id: caller.staff.id },
  })

  defineRoute(app, ctx, 'adminListPlaces', async () => listPlaces(ctx.db))
  defineRoute(app, ctx, 'adminAddPlace', async ({ caller, body }) => addPlace(as(caller), body))
  defineRoute(app, ctx, 'adminChangePlace', async ({ caller, params, body }) =>
    changePlace(as(caller), params.id, body),
  )
  defineRoute(app, ctx, 'adminListServices', async () => listServices(ctx.db))
  defineRoute(app, ctx, 'adminAddService', async ({ caller, body }) => {
    const service = await addService(as(caller), body)
    await ensureSlots(ctx.db, ctx.clock)
    return service
  })
  defineRoute(app, ctx, 'adminChangeService', async ({ caller, params, body }) => {
    const service = await changeService(as(caller), params.id, body)
    await ensureSlots(ctx.db, ctx.clock)
    return service
  })
  defineRoute(app, ctx, 'adminListGrids', async () => listGridsForAdmin(ctx.db))
  defineRoute(app, ctx, 'adminAddGrid', async ({ caller, body }) => addGrid(as(caller), body))
  defineRoute(app, ctx, 'adminChangeGrid', async ({ caller, params, body }) =>
    changeGrid(as(caller), params.id, body),
  )
  defineRoute(app, ctx, 'adminListCategories', async () => listCategories(ctx.db))
  defineRoute(app, ctx, 'adminAddCategory', async ({ caller, body }) => addCategory(as(caller), body))
  defineRoute(app, ctx, 'adminChangeCategory', async ({ caller, params, body }) =>
    changeCategory(as(caller), params.id, body),
  )

  defineRoute(app, ctx, 'adminListStaff', async () => listStaff(ctx.db))
  defineRoute(app, ctx, 'adminAddStaff', async ({ caller, body }) => addStaff(as(caller), body))
  defineRoute(app, ctx, 'adminChangeStaff', async ({ caller, params, body }) =>
    changeStaff(as(caller), params.staffNo, body),
  )
  defineRoute(app, ctx, 'adminDisableStaff', async ({ caller, params }) => {
    const { staff, sessionsEnded } = await disableStaff(as(caller), params.staffNo)
    return { staff, sessionsEnded }
  })
  defineRoute(app, ctx, 'adminResetStaffPassword', async ({ caller, params, body }) => {
    const { staff, sessionsEnded } = await resetStaffPassword(as(caller), params.staffNo, body.password)
    return { staff, sessionsEnded }
  })

  defineRoute(app, ctx, 'adminListKiosks', async () => listKiosks(ctx))
  defineRoute(app, ctx, 'adminAddKiosk', async ({ caller, body }) => {
    const { kiosk, enrolCode } = await addKiosk(as(caller), body, { enrol: true })
    return { kiosk, enrolCode: showEnrolCode(enrolCode!), enrolUntil: kiosk.enrolUntil! }
  })
  defineRoute(app, ctx, 'adminRotateKiosk', async ({ caller, params, body }) => {
    const { kiosk, enrolCode } = await rotateKioskKey(as(caller), params.id, body, { enrol: true })
    return { kiosk, enrolCode: showEnrolCode(enrolCode!), enrolUntil: kiosk.enrolUntil! }
  })
  defineRoute(app, ctx, 'adminRevokeKiosk', async ({ caller, params }) => revokeKiosk(as(caller), params.id))
  defineRoute(app, ctx, 'enrolKiosk', async ({ body }) => enrolKiosk(ctx, body.code), {
    config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
  })

  defineRoute(app, ctx, 'adminListBillers', async () => listBillers(ctx))
  defineRoute(app, ctx, 'adminAddBiller', async ({ caller, body }) => addBiller(as(caller), body))
  defineRoute(app, ctx, 'adminRotateBiller', async ({ caller, params, body }) =>
    rotateBillerKey(as(caller), params.id, body),
  )
  defineRoute(app, ctx, 'adminRevokeBiller', async ({ caller, params }) =>
    revokeBiller(as(caller), params.id),
  )
}

/** Imports from files (administrators), pushes from billers, and the reconciliation report. */
export function importRoutes(app: FastifyInstance, ctx: AppContext): void {
  const importer = (actor: AdminActor, language: Language): ImportContext => ({
    db: ctx.db,
    clock: ctx.clock,
    idPepper: ctx.idPepper,
    actor,
    language,
  })
  defineRoute(app, ctx, 'adminImport', async ({ caller, body, language }) =>
    importFile(importer({ kind: 'staff', id: caller.staff.id }, language), {
      kind: body.kind,
      billerId: body.billerId,
      fileName: body.fileName,
      format: body.format,
      bytes: Buffer.from(body.content, 'base64'),
      dryRun: body.dryRun,
    }),
  )
  defineRoute(app, ctx, 'adminListImports', async () => listImports(ctx))
  defineRoute(app, ctx, 'adminReconciliation', async ({ query }) =>
    reconciliationCsv(ctx.db, (await billerRow(ctx.db, query.billerId)).id, query.date),
  )
  defineRoute(app, ctx, 'pushBills', async ({ caller, body, language }) =>
    pushBills(
      importer({ kind: 'system', id: `biller:${caller.billerId}` }, language),
      caller.billerId,
      body.bills,
    ),
  )
  defineRoute(app, ctx, 'billerReconciliation', async ({ caller, query }) =>
    reconciliationCsv(ctx.db, caller.billerId, query.date),
  )
}
