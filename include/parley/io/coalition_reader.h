#pragma once

/// Reading a coalition game file (YAML or JSON; docs/cli.md, "parley coalition"): a weighted
/// voting game written as `quota` and `players: [{name, weight}]`, or a game in characteristic-
/// function form written as `players: [names]` and `game: [{coalition: [names], value: v}]`.
/// Every problem is a diagnostic at FILE:LINE:COLUMN, all at once; the game's own rules and
/// limits are checked by parley::coalition when it is computed.
///
///   const parley::io::CoalitionLoad r = parley::io::LoadCoalitionFile("council.yaml");
///   if (r.Ok() && r.value->weighted) std::cout << r.value->quota << '\n';

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/io/diagnostic.h"

namespace parley::io {

/// One listed coalition of a game in characteristic-function form.
struct CoalitionFileWorth {
  std::vector<std::size_t> members;  ///< indices into CoalitionFile::players
  std::string value;                 ///< an exact number as written: "60", "2.5", "1/3"
};

/// A coalition game as written in its file.
struct CoalitionFile {
  bool weighted = false;                 ///< `quota` and weighted players; else a listed game
  std::uint64_t quota = 0;               ///< weighted only
  std::vector<std::string> players;      ///< names in file order
  std::vector<std::uint64_t> weights;    ///< weighted only, one per player
  std::vector<CoalitionFileWorth> game;  ///< listed game only
};

/// The file when it is valid, and every diagnostic found.
struct CoalitionLoad {
  std::optional<CoalitionFile> value;
  std::vector<Diagnostic> diagnostics;

  bool Ok() const { return value.has_value() && !HasErrors(diagnostics); }
};

/// Reads a coalition file's text; JSON when the first non-blank character is '{', YAML
/// otherwise. Never throws for bad input. Linear in the text size.
CoalitionLoad ReadCoalitionText(std::string_view text, const std::string& file_name);

/// Reads the file at `path` (at most kMaxFileBytes). Never throws for bad input.
CoalitionLoad LoadCoalitionFile(const std::string& path);

/// True when `path` holds a case rather than a coalition game: a folder (a GENIUS or GeniusWeb
/// scenario), or a file whose top level is a map with `format`, `parties` or `issues` (keys a
/// coalition file never has). False for anything unreadable: the coalition reader then reports
/// it. Never throws. Linear in the file size.
bool LooksLikeCase(const std::string& path);

}  // namespace parley::io
