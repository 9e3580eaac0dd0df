/**
 * Test strokes from Make Me a Hanzi's stroke *outlines* (not its medians): each stroke's outline is
 * filled on a grid, thinned to a one-pixel skeleton (Zhang–Suen), and the skeleton's longest path is
 * the stroke's path. The recogniser never sees the outlines; it matches against the medians. Only the
 * direction of each path (which end the pen starts at) is taken from the median.
 */

export type Pt = readonly [number, number]

/** Grid cells across the 1024 box: 8 units a cell; a stroke is 4–8 cells wide. */
const GRID = 128
const CELL = 1024 / GRID

/** An SVG path of M, L, Q, C and Z commands as a polygon (curves cut into 8 segments). */
export function pathPolygon(d: string): Pt[] {
  const tokens = d.match(/[MLQCZ]|-?\d+(?:\.\d+)?/g) ?? []
  const out: Pt[] = []
  let i = 0
  let command = ''
  let at: Pt = [0, 0]
  const num = () => Number(tokens[i++])
  while (i < tokens.length) {
    if (/[MLQCZ]/.test(tokens[i]!)) command = tokens[i++]!
    if (command === 'Z') continue
    if (command === 'M' || command === 'L') {
      at = [num(), num()]
      out.push(at)
    } else if (command === 'Q') {
      const c: Pt = [num(), num()]
      const e: Pt = [num(), num()]
      for (let s = 1; s <= 8; s += 1) {
        const t = s / 8
        const u = 1 - t
        out.push([
          u * u * at[0] + 2 * u * t * c[0] + t * t * e[0],
          u * u * at[1] + 2 * u * t * c[1] + t * t * e[1],
        ])
      }
      at = e
    } else if (command === 'C') {
      const c1: Pt = [num(), num()]
      const c2: Pt = [num(), num()]
      const e: Pt = [num(), num()]
      for (let s = 1; s <= 8; s += 1) {
        const t = s / 8
        const u = 1 - t
        out.push([
          u * u * u * at[0] + 3 * u * u * t * c1[0] + 3 * u * t * t * c2[0] + t * t * t * e[0],
          u * u * u * at[1] + 3 * u * u * t * c1[1] + 3 * u * t * t * c2[1] + t * t * t * e[1],
        ])
      }
      at = e
    } else {
      throw new Error(`unexpected path command ${command} in ${d.slice(0, 40)}`)
    }
  }
  return out
}

/** The polygon filled on the grid (even–odd, cell centres), 1 inside. */
export function fill(polygon: readonly Pt[]): Uint8Array {
  const grid = new Uint8Array(GRID * GRID)
  for (let row = 0; row < GRID; row += 1) {
    const y = (row + 0.5) * CELL
    const xs: number[] = []
    for (let i = 0; i < polygon.length; i += 1) {
      const a = polygon[i]!
      const b = polygon[(i + 1) % polygon.length]!
      if (a[1] <= y !== b[1] <= y) xs.push(a[0] + ((y - a[1]) / (b[1] - a[1])) * (b[0] - a[0]))
    }
    xs.sort((p, q) => p - q)
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const from = Math.max(0, Math.ceil(xs[k]! / CELL - 0.5))
      const to = Math.min(GRID - 1, Math.floor(xs[k + 1]! / CELL - 0.5))
      for (let col = from; col <= to; col += 1) grid[row * GRID + col] = 1
    }
  }
  return grid
}

/** Zhang–Suen thinning, in place. */
export function thin(grid: Uint8Array): Uint8Array {
  const at = (r: number, c: number) => (r < 0 || c < 0 || r >= GRID || c >= GRID ? 0 : grid[r * GRID + c]!)
  let changed = true
  while (changed) {
    changed = false
    for (const pass of [0, 1]) {
      const remove: number[] = []
      for (let r = 0; r < GRID; r += 1)
        for (let c = 0; c < GRID; c += 1) {
          if (!grid[r * GRID + c]) continue
          // P2…P9 clockwise from north.
          const p = [
            at(r - 1, c),
            at(r - 1, c + 1),
            at(r, c + 1),
            at(r + 1, c + 1),
            at(r + 1, c),
            at(r + 1, c - 1),
            at(r, c - 1),
            at(r - 1, c - 1),
          ]
          const b = p.reduce((s, v) => s + v, 0)
          if (b < 2 || b > 6) continue
          let a = 0
          for (let k = 0; k < 8; k += 1) if (!p[k] && p[(k + 1) % 8]) a += 1
          if (a !== 1) continue
          const [p2, , p4, , p6, , p8] = p as [number, number, number, number, number, number, number, number]
          if (pass === 0 ? p2 * p4 * p6 || p4 * p6 * p8 : p2 * p4 * p8 || p2 * p6 * p8) continue
          remove.push(r * GRID + c)
        }
      for (const i of remove) grid[i] = 0
      if (remove.length) changed = true
    }
  }
  return grid
}

/** Farthest cell from `start` through the skeleton (8-connected), with the path to it. */
function farthest(grid: Uint8Array, start: number): number[] {
  const previous = new Int32Array(GRID * GRID).fill(-2)
  previous[start] = -1
  const queue = [start]
  let last = start
  for (let q = 0; q < queue.length; q += 1) {
    const cell = queue[q]!
    last = cell
    const r = Math.floor(cell / GRID)
    const c = cell % GRID
    for (let dr = -1; dr <= 1; dr += 1)
      for (let dc = -1; dc <= 1; dc += 1) {
        const nr = r + dr
        const nc = c + dc
        if (nr < 0 || nc < 0 || nr >= GRID || nc >= GRID) continue
        const next = nr * GRID + nc
        if (grid[next] && previous[next] === -2) {
          previous[next] = cell
          queue.push(next)
        }
      }
  }
  const path: number[] = []
  for (let cell = last; cell !== -1; cell = previous[cell]!) path.push(cell)
  return path
}

/**
 * A stroke's path from its outline, in the 1024 box (y as in the outline), starting at the end
 * nearer to `start`. A stroke too small to thin to a line (a dot) gives its filled cells' extreme
 * pair along their main axis.
 */
export function outlinePath(d: string, start: Pt): Pt[] {
  const grid = fill(pathPolygon(d))
  const filled: number[] = []
  grid.forEach((v, i) => v && filled.push(i))
  if (filled.length === 0) throw new Error('empty stroke outline')
  thin(grid)
  const cells: number[] = []
  grid.forEach((v, i) => v && cells.push(i))
  const centre = (cell: number): Pt => [((cell % GRID) + 0.5) * CELL, (Math.floor(cell / GRID) + 0.5) * CELL]
  let path: Pt[]
  if (cells.length >= 3) {
    // The longest path: farthest from anywhere, then farthest from that (a tree's diameter).
    const end = farthest(grid, cells[0]!)[0]!
    path = farthest(grid, end).map(centre)
  } else {
    path = principalExtremes(filled.map(centre))
  }
  const first = path[0]!
  const last = path[path.length - 1]!
  const nearFirst = Math.hypot(first[0] - start[0], first[1] - start[1])
  const nearLast = Math.hypot(last[0] - start[0], last[1] - start[1])
  return nearLast < nearFirst ? path.reverse() : path
}

function principalExtremes(points: readonly Pt[]): Pt[] {
  const n = points.length
  const mx = points.reduce((s, p) => s + p[0], 0) / n
  const my = points.reduce((s, p) => s + p[1], 0) / n
  let sxx = 0
  let sxy = 0
  let syy = 0
  for (const [x, y] of points) {
    sxx += (x - mx) ** 2
    sxy += (x - mx) * (y - my)
    syy += (y - my) ** 2
  }
  const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy)
  const proj = (p: Pt) => (p[0] - mx) * Math.cos(angle) + (p[1] - my) * Math.sin(angle)
  const sorted = [...points].sort((a, b) => proj(a) - proj(b))
  const a = sorted[0]!
  const b = sorted[sorted.length - 1]!
  return a === b ? [a, [a[0] + 1, a[1] + 1]] : [a, b]
}
