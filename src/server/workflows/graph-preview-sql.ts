/**
 * The dashboard's picture of a graph, cut from its stored JSON by PostgreSQL: each of the first
 * `PREVIEW_LIMITS.nodes` nodes as a rounded box and its type, and up to `PREVIEW_LIMITS.edges`
 * edges between them as index pairs. Built in the list's own statement, so a page of workflows
 * costs one query and the graphs (prompts, texts) never leave the database.
 */
import "server-only";
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { PREVIEW_LIMITS } from "@/contracts/workflow";

/** A node as the SQL gives it: width and height only when the node stores them (notes, frames); null means "guess from the type". */
export interface RawPreview {
  nodeCount: number;
  nodes: { x: number; y: number; w: number | null; h: number | null; type: string }[];
  edges: [number, number][];
}

/** A number inside the node's JSON, rounded, or `otherwise` when absent or not a number (a bad row must not fail the whole list). */
function roundedNumber(path: string, otherwise: "0" | "null"): SQL {
  return sql.raw(`case when jsonb_typeof(n #> '{${path}}') = 'number' then round((n #>> '{${path}}')::numeric) else ${otherwise} end`);
}

/**
 * Each of `nodes` and `edges` is read (detoasted, unnested) once: the nodes' ids and boxes are
 * kept in a CTE that the count, the boxes and the edge lookup share.
 */
export function graphPreviewSql(nodes: SQLWrapper, edges: SQLWrapper): SQL<RawPreview> {
  const maxNodes = sql.raw(String(PREVIEW_LIMITS.nodes));
  const maxEdges = sql.raw(String(PREVIEW_LIMITS.edges));
  return sql<RawPreview>`(
    with preview_node as materialized (
      select i, n ->> 'id' as id, case when i <= ${maxNodes} then jsonb_build_object(
        'x', ${roundedNumber("position,x", "0")}, 'y', ${roundedNumber("position,y", "0")},
        'w', ${roundedNumber("width", "null")}, 'h', ${roundedNumber("height", "null")},
        'type', coalesce(n ->> 'type', '')) end as box
      from jsonb_array_elements(${nodes}) with ordinality as listed(n, i)
    ), preview_edge as (
      select e.j, src.i - 1 as s, dst.i - 1 as t
      from jsonb_array_elements(${edges}) with ordinality as e(e, j)
      join preview_node src on src.i <= ${maxNodes} and src.id = e.e ->> 'source'
      join preview_node dst on dst.i <= ${maxNodes} and dst.id = e.e ->> 'target'
      order by e.j
      limit ${maxEdges}
    )
    select jsonb_build_object(
      'nodeCount', (select count(*) from preview_node),
      'nodes', coalesce((select jsonb_agg(box order by i) from preview_node where i <= ${maxNodes}), '[]'::jsonb),
      'edges', coalesce((select jsonb_agg(jsonb_build_array(s, t) order by j) from preview_edge), '[]'::jsonb))
  )`;
}
