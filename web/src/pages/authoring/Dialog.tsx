import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal dialog (the browser's <dialog> with showModal: the rest of the page is inert, Escape
 * closes it). On opening, focus goes to the element marked `data-autofocus` (else the first
 * control); on closing, back to what had focus before, normally the button that opened it.
 */
export function Dialog({ open, title, onClose, children, describedBy }: { open: boolean; title: string; onClose: () => void; children: ReactNode; describedBy?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      const first = dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog.querySelector<HTMLElement>('input, textarea, select, button');
      first?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
      const back = opener.current;
      opener.current = null;
      if (back?.isConnected) back.focus();
    }
  }, [open]);

  useEffect(() => {
    const dialog = ref.current;
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      onCancel={(event) => {
        // Escape: let React state close it, so focus goes back the same way as with the button
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {open ? children : null}
    </dialog>
  );
}

/**
 * A confirmation's buttons: the action, then "Avbryt", which has the focus when the dialog opens
 * (a mistaken Enter cancels rather than acts).
 */
export function ConfirmButtons({ confirm, onConfirm, onCancel, cancel }: { confirm: string; onConfirm: () => void; onCancel: () => void; cancel: string }) {
  return (
    <div className="button-row">
      <button type="button" onClick={onConfirm}>
        {confirm}
      </button>
      <button type="button" className="button-secondary" data-autofocus onClick={onCancel}>
        {cancel}
      </button>
    </div>
  );
}
