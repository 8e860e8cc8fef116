"use client";

import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { CUSTOM_KEY, fieldToken, type TemplateField } from "@/lib/templates/fields";

type Props = {
  name: string;
  label: string;
  initialHtml: string;
  fields: readonly TemplateField[];
  errors?: string[];
  /** Told about every change, e.g. to list the custom fields the text now uses. */
  onChange?: (html: string) => void;
};

const EXTENSIONS = [
  StarterKit.configure({
    heading: { levels: [1, 2, 3] },
    blockquote: false,
    code: false,
    codeBlock: false,
    horizontalRule: false,
    strike: false,
    link: { openOnClick: false, autolink: true, protocols: ["mailto"], defaultProtocol: "https" },
  }),
];

function ToolbarButton({
  editor,
  label,
  isActive,
  onClick,
  children,
}: {
  editor: Editor | null;
  label: string;
  isActive?: boolean;
  onClick: () => void;
  children: React.ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      aria-pressed={isActive ?? undefined}
      disabled={!editor}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
      className={`rounded px-2 py-1 text-sm ${isActive ? "bg-slate-200 text-slate-900" : "text-slate-700 hover:bg-slate-100"} disabled:opacity-50`}
    >
      {children}
    </button>
  );
}

/**
 * Rich text with smart fields. Until the editor has loaded (or without JavaScript) the text is a
 * plain HTML textarea, so the form always works; the server sanitizes and validates either way.
 */
export function TemplateEditor({ name, label, initialHtml, fields, errors, onChange }: Props) {
  const id = useId();
  const [html, setHtml] = useState(initialHtml);
  const [picked, setPicked] = useState<string>(fields[0]?.key ?? "");
  const [customName, setCustomName] = useState("");
  const [customError, setCustomError] = useState<string | null>(null);
  const update = (next: string) => {
    setHtml(next);
    onChange?.(next);
  };
  const editor = useEditor({
    extensions: EXTENSIONS,
    content: initialHtml,
    immediatelyRender: false,
    editorProps: {
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": `${id}-label`,
        ...(errors?.length ? { "aria-invalid": "true", "aria-describedby": `${id}-error` } : {}),
        class: "contract-text ProseMirror px-3 py-2",
      },
    },
    onUpdate: ({ editor: e }) => update(e.isEmpty ? "" : e.getHTML()),
  });

  const insert = (token: string) => {
    if (editor) editor.chain().focus().insertContent(token).run();
    else update(`${html}${token}`);
  };
  const insertCustom = () => {
    const key = customName
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, "_");
    if (!CUSTOM_KEY.test(key)) {
      setCustomError("Use lowercase letters, digits and _, starting with a letter, such as second_shooter.");
      return;
    }
    setCustomError(null);
    setCustomName("");
    insert(fieldToken(`custom.${key}`));
  };
  const setLink = () => {
    if (!editor) return;
    const previous = editor.getAttributes("link").href as string | undefined;
    const url = window.prompt("Link address (https:// or mailto:)", previous ?? "https://");
    if (url === null) return;
    if (url.trim() === "") editor.chain().focus().extendMarkRange("link").unsetLink().run();
    else editor.chain().focus().extendMarkRange("link").setLink({ href: url.trim() }).run();
  };

  return (
    <div className="space-y-2">
      <label id={`${id}-label`} htmlFor={`${id}-source`} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <div className="flex flex-wrap items-end gap-3 rounded-md bg-slate-50 p-2 ring-1 ring-slate-200">
        <div role="toolbar" aria-label="Formatting" className="flex flex-wrap gap-1">
          <ToolbarButton
            editor={editor}
            label="Heading"
            isActive={editor?.isActive("heading", { level: 2 })}
            onClick={() => editor?.chain().focus().toggleHeading({ level: 2 }).run()}
          >
            H
          </ToolbarButton>
          <ToolbarButton
            editor={editor}
            label="Bold"
            isActive={editor?.isActive("bold")}
            onClick={() => editor?.chain().focus().toggleBold().run()}
          >
            <strong>B</strong>
          </ToolbarButton>
          <ToolbarButton
            editor={editor}
            label="Italic"
            isActive={editor?.isActive("italic")}
            onClick={() => editor?.chain().focus().toggleItalic().run()}
          >
            <em>I</em>
          </ToolbarButton>
          <ToolbarButton
            editor={editor}
            label="Underline"
            isActive={editor?.isActive("underline")}
            onClick={() => editor?.chain().focus().toggleUnderline().run()}
          >
            <u>U</u>
          </ToolbarButton>
          <ToolbarButton
            editor={editor}
            label="Bulleted list"
            isActive={editor?.isActive("bulletList")}
            onClick={() => editor?.chain().focus().toggleBulletList().run()}
          >
            Bulleted list
          </ToolbarButton>
          <ToolbarButton
            editor={editor}
            label="Numbered list"
            isActive={editor?.isActive("orderedList")}
            onClick={() => editor?.chain().focus().toggleOrderedList().run()}
          >
            Numbered list
          </ToolbarButton>
          <ToolbarButton editor={editor} label="Link" isActive={editor?.isActive("link")} onClick={setLink}>
            Link
          </ToolbarButton>
        </div>
        <div className="flex items-end gap-1">
          <select
            aria-label="Smart field"
            value={picked}
            onChange={(e) => setPicked(e.target.value)}
            className="rounded-md border-0 py-1 pr-8 pl-2 text-sm ring-1 ring-slate-300"
          >
            {fields.map((f) => (
              <option key={f.key} value={f.key}>
                {f.label}
              </option>
            ))}
          </select>
          <Button
            type="button"
            variant="secondary"
            className="py-1"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => insert(fieldToken(picked))}
          >
            Insert field
          </Button>
        </div>
        <div className="flex items-end gap-1">
          <input
            aria-label="Your own field"
            placeholder="e.g. second_shooter"
            value={customName}
            onChange={(e) => setCustomName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                insertCustom();
              }
            }}
            className="w-40 rounded-md border-0 px-2 py-1 text-sm ring-1 ring-slate-300"
          />
          <Button
            type="button"
            variant="secondary"
            className="py-1"
            onMouseDown={(e) => e.preventDefault()}
            onClick={insertCustom}
          >
            Insert your own field
          </Button>
        </div>
      </div>
      {customError ? (
        <p role="alert" className="text-sm text-red-600">
          {customError}
        </p>
      ) : null}
      {editor ? (
        <>
          <div
            className={`rounded-md bg-white shadow-sm ring-1 ring-inset ${errors?.length ? "ring-red-500" : "ring-slate-300"} focus-within:ring-2 focus-within:ring-brand-500`}
          >
            <EditorContent editor={editor} />
          </div>
          <input type="hidden" name={name} value={html} />
        </>
      ) : (
        <textarea
          id={`${id}-source`}
          name={name}
          value={html}
          onChange={(e) => update(e.target.value)}
          rows={14}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={errors?.length ? `${id}-error` : undefined}
          className="block w-full rounded-md border-0 px-3 py-2 font-mono text-xs ring-1 ring-slate-300"
        />
      )}
      <p className="text-xs text-slate-500">
        Smart fields like {fieldToken("client.name")} are filled in from the job when the contract is made. Your own
        fields ({fieldToken("custom.second_shooter")}) are filled in before sending.
      </p>
      {errors?.length ? (
        <ul id={`${id}-error`} role="alert" className="space-y-1 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {errors.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
