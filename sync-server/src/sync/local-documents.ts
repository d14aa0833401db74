import type { Request, Response } from 'express';
import { badRequest } from '../errors';
import type { CouchStore } from '../store/couch-store';
import { gatewayOf } from './gateway-context';

const LOCAL_ID = /^[A-Za-z0-9._~=+-]{1,200}$/;
const MAX_CHECKPOINT_BYTES = 16 * 1024;

/**
 * `_local/<id>`: replication checkpoints. They are kept per user, so one
 * user's replicator never reads or overwrites another's, and never replicate.
 */
export class LocalDocuments {
  constructor(private readonly store: CouchStore) {}

  /**
   * The client's id, the id stored for this user, and that id as a URL path
   * (encoded: replication ids are base64 and may end in "=="; the body must
   * carry the decoded id, or the store keeps the document under another name).
   */
  private storedId(req: Request, res: Response): { original: string; stored: string; path: string } {
    const id = String(req.params['localId']);
    if (!LOCAL_ID.test(id)) throw badRequest('Local document id must be 1–200 URL-safe characters', '_id');
    const own = `${gatewayOf(res).user.id}~${id}`;
    return { original: `_local/${id}`, stored: `_local/${own}`, path: `_local/${encodeURIComponent(own)}` };
  }

  /** `GET _local/<id>` */
  get = async (req: Request, res: Response) => {
    const { original, path } = this.storedId(req, res);
    const doc = await this.store.request<Record<string, unknown>>({ db: gatewayOf(res).db, doc: path });
    res.json({ ...doc, _id: original });
  };

  /** `PUT _local/<id>` */
  put = async (req: Request, res: Response) => {
    const { original, stored, path } = this.storedId(req, res);
    const body = req.body as Record<string, unknown>;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('Body must be a JSON object');
    if (Buffer.byteLength(JSON.stringify(body)) > MAX_CHECKPOINT_BYTES) throw badRequest('Checkpoint document too large');
    const answer = await this.store.request<{ rev: string }>({
      db: gatewayOf(res).db,
      doc: path,
      method: 'PUT',
      body: { ...body, _id: stored },
    });
    res.status(201).json({ ok: true, id: original, rev: answer.rev });
  };
}
