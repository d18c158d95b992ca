import type { CSSProperties, ReactNode, RefObject } from 'react';

/**
 * A non-modal dialog floating beside the passage it is about (claim card, suggestion popover):
 * labelled by its heading, placed by floating-ui, and closed by Escape anywhere inside it.
 */
export function FloatingDialog({
  elementRef,
  setFloating,
  headingId,
  style,
  onClose,
  className,
  children,
}: {
  /** Receives the dialog element, for focus and outside-click checks. */
  elementRef: RefObject<HTMLDivElement | null>;
  /** floating-ui's `refs.setFloating`. */
  setFloating: (element: HTMLDivElement | null) => void;
  headingId: string;
  style: CSSProperties;
  onClose: () => void;
  className: string;
  children: ReactNode;
}) {
  return (
    // Escape anywhere in the dialog closes it; the caller returns focus where it belongs.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <div
      ref={(el) => {
        elementRef.current = el;
        setFloating(el);
      }}
      role="dialog"
      aria-labelledby={headingId}
      style={style}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
      className={className}
    >
      {children}
    </div>
  );
}
