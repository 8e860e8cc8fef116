"use client";

import { useEffect, useId, useRef, useState } from "react";
import SignaturePad from "signature_pad";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

type Props = { documentHash: string; fieldErrors?: Record<string, string[]>; defaultName?: string };

/**
 * What a client fills in to sign: full legal name, consent, and optionally a drawn signature
 * (sent as a PNG in a hidden field). Works on touch screens; without the drawing the typed name is the signature.
 */
export function SignatureFields({ documentHash, fieldErrors, defaultName }: Props) {
  const id = useId();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const [drawing, setDrawing] = useState("");

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const pad = new SignaturePad(canvas, { penColor: "#0f172a", minWidth: 0.8, maxWidth: 2.4 });
    padRef.current = pad;
    // A sharp drawing on high-density screens, capped so the PNG stays small.
    const resize = () => {
      const ratio = Math.min(window.devicePixelRatio || 1, 2);
      const data = pad.toData();
      canvas.width = canvas.offsetWidth * ratio;
      canvas.height = canvas.offsetHeight * ratio;
      canvas.getContext("2d")?.scale(ratio, ratio);
      pad.fromData(data);
    };
    resize();
    window.addEventListener("resize", resize);
    const save = () => setDrawing(pad.isEmpty() ? "" : pad.toDataURL("image/png"));
    pad.addEventListener("endStroke", save);
    return () => {
      window.removeEventListener("resize", resize);
      pad.removeEventListener("endStroke", save);
      pad.off();
    };
  }, []);

  const clear = () => {
    padRef.current?.clear();
    setDrawing("");
  };

  return (
    <div className="space-y-4">
      <input type="hidden" name="documentHash" value={documentHash} />
      <input type="hidden" name="signature" value={drawing} />
      <TextField
        label="Your full legal name"
        name="name"
        autoComplete="name"
        defaultValue={defaultName}
        errors={fieldErrors?.name}
      />
      <div className="space-y-1">
        <div className="flex items-center justify-between">
          <span id={`${id}-pad`} className="text-sm font-medium text-slate-700">
            Draw your signature (optional)
          </span>
          <Button type="button" variant="ghost" className="px-2 py-1" onClick={clear}>
            Clear drawing
          </Button>
        </div>
        <canvas
          ref={canvasRef}
          role="img"
          aria-labelledby={`${id}-pad`}
          className="h-36 w-full touch-none rounded-md bg-white ring-1 ring-slate-300"
        />
        {fieldErrors?.signature ? (
          <p role="alert" className="text-sm text-red-600">
            {fieldErrors.signature.join(" ")}
          </p>
        ) : null}
      </div>
      <label className="flex items-start gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          name="consent"
          className="mt-0.5 h-5 w-5 rounded border-slate-300"
          aria-invalid={fieldErrors?.consent ? true : undefined}
        />
        <span>
          I agree to sign electronically, and that my typed name (and drawing) is my signature on this contract.
        </span>
      </label>
      {fieldErrors?.consent ? (
        <p role="alert" className="text-sm text-red-600">
          {fieldErrors.consent.join(" ")}
        </p>
      ) : null}
      {fieldErrors?.documentHash ? (
        <p role="alert" className="text-sm text-red-600">
          {fieldErrors.documentHash.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
