/**
 * Files attached to the message being written: each is uploaded at once
 * (`POST /api/admin/conversations/<id>/attachments`, multipart `file`) and
 * sent later by id with the message. At most 5 per message (the API's limit).
 */
import { useCallback, useState } from "react";
import { useApi, errorReason } from "../../../api/context";
import { conversationPath } from "../conversationApi";

export const MAX_ATTACHMENTS = 5;

export interface Upload {
  id: string;
  filename: string;
  content_type: string;
  size: number;
}

export function useUploads(conversationId: string) {
  const apiFetch = useApi();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [uploading, setUploading] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const add = useCallback(
    async (files: File[], tooMany: string) => {
      setError(null);
      const room = MAX_ATTACHMENTS - uploads.length - uploading;
      if (files.length > room) {
        setError(tooMany);
        return;
      }
      setUploading((n) => n + files.length);
      await Promise.all(
        files.map(async (file) => {
          const form = new FormData();
          form.append("file", file, file.name);
          try {
            const stored = await apiFetch<Upload>(`${conversationPath(conversationId)}/attachments`, {
              method: "POST",
              body: form,
            });
            setUploads((current) => [...current, stored]);
          } catch (reason) {
            setError(`${file.name}: ${errorReason(reason)}`);
          } finally {
            setUploading((n) => n - 1);
          }
        }),
      );
    },
    [apiFetch, conversationId, uploads.length, uploading],
  );

  const remove = useCallback((id: string) => setUploads((current) => current.filter((u) => u.id !== id)), []);
  const clear = useCallback(() => {
    setUploads([]);
    setError(null);
  }, []);

  return { uploads, uploading: uploading > 0, error, add, remove, clear };
}
