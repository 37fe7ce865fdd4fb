import type { Asset, AssetType, Classification } from '../../../contracts/assets.js';

export interface AssetRow {
  id: string;
  name: string;
  description: string;
  type: string;
  classification: Classification;
  owner_id: string | null;
  owner_name: string | null;
  location_id: string | null;
  location_code: string | null;
  location_name: string | null;
  service_id: string | null;
  service_name: string | null;
  risk_count: number;
  updated_at: Date;
}

export const presentAsset = (r: AssetRow): Asset => ({
  id: r.id,
  name: r.name,
  description: r.description,
  type: r.type as AssetType,
  classification: r.classification,
  owner: r.owner_id ? { id: r.owner_id, name: r.owner_name ?? '' } : null,
  location: r.location_id
    ? { id: r.location_id, code: r.location_code ?? '', name: r.location_name ?? '' }
    : null,
  service: r.service_id ? { id: r.service_id, name: r.service_name ?? '' } : null,
  riskCount: Number(r.risk_count),
  updatedAt: r.updated_at.toISOString(),
});
