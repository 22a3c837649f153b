#pragma once

/// Import and export of cases as files (docs/serve.md, "Import and export"; docs/cli.md,
/// `parley cases`): a case file (YAML or JSON) or a GENIUS / GeniusWeb scenario (a folder, or a
/// zip of one) read into the JSON text the store keeps; a stored case written as `parley
/// convert` writes it (YAML, JSON, or the GENIUS folder as a zip). The server's /api/import and
/// /api/cases/ID/export and the CLI's `parley cases` call these.
///
///   const parley::service::Imported in =
///       parley::service::ImportCaseText(body, parley::io::CaseSyntax::kYaml);
///   if (!in.problems.error) store.Create(in.case_json, "ana");

#include <string>
#include <string_view>
#include <vector>

#include "parley/io/case_reader.h"
#include "parley/service/run.h"

namespace parley::service {

/// A case read for the store, or why not.
struct Imported {
  std::string case_json;  ///< the case as JSON text (io::WriteCaseJson), when read
  Answer problems;        ///< error set when not read, with the JSON body to send
};

/// Reads a case file's text (`syntax`: JSON or YAML) named `file`; problems as CheckCaseText
/// gives them (the check JSON with line and column). Never throws for bad input.
Imported ImportCaseText(std::string_view text, io::CaseSyntax syntax,
                        const std::string& file = "case");

/// Reads a zip of a GENIUS XML or GeniusWeb JSON scenario folder (files at any depth; at most
/// `max_bytes` unpacked) through io::ImportScenarioFolder; problems as the check JSON
/// (kInvalidInput), or ProblemsJson (kUsage for a body that is not a zip, kLimit over
/// `max_bytes`). Never throws for bad input.
Imported ImportGeniusZip(std::string_view zip, std::size_t max_bytes);

/// Reads the case file or scenario folder at `path` (io::LoadCase) for the store; problems as
/// the check JSON. Never throws for bad input.
Imported ImportCasePath(const std::string& path);

/// A stored case as a file to hand out.
struct ExportedFile {
  std::string bytes;
  std::string content_type;  ///< application/yaml, application/json, application/zip
  std::string file_name;     ///< the case's title as a file name, e.g. "sales-renewal.yaml"
  std::vector<std::string> warnings;  ///< what GENIUS cannot carry (io::GeniusFiles)
};

/// The case `case_text` (as stored) in `format`: "yaml" or "json" exactly as `parley convert
/// --to yaml|json` writes it, or "genius": the files of `parley convert --to genius` as a zip.
/// Throws Error(kUsage) for another format or a case GENIUS cannot express, and
/// Error(kInvalidInput) when the stored text is not a valid case.
ExportedFile ExportCase(std::string_view case_text, std::string_view format);

/// A title as a file name stem: lowercase ASCII letters and digits, runs of anything else as
/// one '-', at most 64 bytes; "case" when nothing is left. "Sales renewal 2027" ->
/// "sales-renewal-2027".
std::string FileStem(std::string_view title);

}  // namespace parley::service
