import { init, use } from 'echarts/core'
import { BarChart, FunnelChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

/**
 * The parts of ECharts the dashboard draws with, registered once (tree-shaken: the whole library is ≈ 340 kB gzip).
 * Imported only by the statistics screen's chart component, so it lands in that lazily loaded chunk and never in the
 * console's first screen.
 */
use([BarChart, FunnelChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

export { init }
