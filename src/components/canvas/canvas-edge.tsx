/**
 * The canvas's edge: React Flow's curve, with its wide invisible hit path only while both ends
 * are in view. React Flow draws every edge with an end in view, so on a 1 → 499 fan-out all 499
 * long curves cross the opening view; their 16 px hit paths cost about as much to lay out and
 * paint as the edges themselves (opening with them all: +0.3–0.7 s on this machine, measured
 * against no hit paths). An edge running off screen is still clicked on its drawn line.
 */
"use client";
import { BezierEdge, useStore, type EdgeProps, type EdgeTypes, type ReactFlowState } from "@xyflow/react";
import { memo } from "react";
import { FAN_EDGE_TYPE } from "@/lib/canvas/fan-bundles";
import { FAN_EDGE } from "./fan-edge";

function onScreen(s: ReactFlowState, x: number, y: number): boolean {
  const [tx, ty, zoom] = s.transform;
  const sx = x * zoom + tx;
  const sy = y * zoom + ty;
  return sx >= 0 && sx <= s.width && sy >= 0 && sy <= s.height;
}

function CanvasEdge(props: EdgeProps) {
  const { sourceX, sourceY, targetX, targetY } = props;
  const whole = useStore((s) => onScreen(s, sourceX, sourceY) && onScreen(s, targetX, targetY));
  return <BezierEdge {...props} interactionWidth={whole ? props.interactionWidth : 0} />;
}

/** At module scope so React Flow never sees new edge types. */
export const EDGE_TYPES: EdgeTypes = { default: memo(CanvasEdge), [FAN_EDGE_TYPE]: FAN_EDGE };
