#include "parley/io/coalition_reader.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "internal/doc_node.h"
#include "parley/core/closest_match.h"
#include "parley/core/error.h"
#include "parley/io/file.h"
#include "parley/io/load_result.h"

namespace parley::io {
namespace {

using internal::DocNode;
using internal::NodeKind;

constexpr std::uint64_t kMaxWholeNumber = 1'000'000'000'000'000ull;  // 10^18

class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  std::optional<CoalitionFile> Read(const DocNode& root) {
    if (root.kind != NodeKind::kMap) {
      Problem(root, "a coalition file is a map with `players`, and `quota` or `game`");
      return std::nullopt;
    }
    for (const auto& [key, value] : root.entries) {
      if (key.text != "quota" && key.text != "players" && key.text != "game") {
        diagnostics_.push_back({Severity::kError, file_, key.mark.line, key.mark.column,
                                "unknown key '" + key.text + "'",
                                DidYouMean(key.text, {"quota", "players", "game"})});
      }
    }
    const DocNode* players = root.Find("players");
    const DocNode* quota = root.Find("quota");
    const DocNode* game = root.Find("game");
    CoalitionFile out;
    if (!players) {
      Problem(root, "missing `players`");
    } else if (quota && game) {
      Problem(*game, "a file holds a weighted game (`quota`) or a listed game (`game`), not both");
    } else if (quota) {
      out.weighted = true;
      ReadWeighted(*quota, *players, out);
    } else if (game) {
      ReadListed(*players, *game, out);
    } else {
      Problem(root, "missing `quota` (a weighted voting game) or `game` (coalitions' worths)");
    }
    if (HasErrors(diagnostics_)) return std::nullopt;
    return out;
  }

  std::vector<Diagnostic> TakeDiagnostics() { return std::move(diagnostics_); }

 private:
  void Problem(const DocNode& at, const std::string& message, const std::string& hint = "") {
    diagnostics_.push_back({Severity::kError, file_, at.mark.line, at.mark.column, message, hint});
  }

  std::optional<std::uint64_t> WholeNumber(const DocNode& node, const std::string& what) {
    const std::string& t = node.text;
    const bool digits =
        node.kind == NodeKind::kScalar && !node.quoted && !t.empty() && t.size() <= 18 &&
        std::all_of(t.begin(), t.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    if (!digits || std::stoull(t) > kMaxWholeNumber) {
      Problem(node,
              what + " must be a whole number from 0 to 10^18, not " +
                  (node.kind == NodeKind::kScalar ? "'" + t + "'" : std::string("a list or map")));
      return std::nullopt;
    }
    return std::stoull(t);
  }

  std::optional<std::string> Name(const DocNode& node) {
    if (node.kind != NodeKind::kScalar || node.text.empty()) {
      Problem(node, "a player's name must be a non-empty text");
      return std::nullopt;
    }
    return node.text;
  }

  void AddPlayer(const DocNode& at, const std::string& name, CoalitionFile& out) {
    if (!index_.emplace(name, out.players.size()).second) {
      Problem(at, "player '" + name + "' is named twice");
    }
    out.players.push_back(name);
  }

  void ReadWeighted(const DocNode& quota, const DocNode& players, CoalitionFile& out) {
    const auto q = WholeNumber(quota, "`quota`");
    if (q) out.quota = *q;
    if (players.kind != NodeKind::kList || players.items.empty()) {
      Problem(players, "`players` of a weighted game is a non-empty list of {name, weight}");
      return;
    }
    const std::size_t before = diagnostics_.size();
    ReadWeightedPlayers(players, out);
    std::uint64_t sum = 0;
    for (std::uint64_t w : out.weights) sum = std::min(sum + w, kMaxWholeNumber);
    if (q && diagnostics_.size() == before && (*q < 1 || *q > sum)) {
      Problem(quota, "`quota` must be from 1 to the sum of the weights (" + std::to_string(sum) +
                         "), not " + std::to_string(*q));
    }
  }

  void ReadWeightedPlayers(const DocNode& players, CoalitionFile& out) {
    for (const DocNode& p : players.items) {
      const DocNode* name = p.kind == NodeKind::kMap ? p.Find("name") : nullptr;
      const DocNode* weight = p.kind == NodeKind::kMap ? p.Find("weight") : nullptr;
      if (!name || !weight) {
        Problem(p, "a player of a weighted game is written {name: ..., weight: ...}");
        continue;
      }
      for (const auto& [key, value] : p.entries) {
        if (key.text != "name" && key.text != "weight") {
          diagnostics_.push_back({Severity::kError, file_, key.mark.line, key.mark.column,
                                  "unknown key '" + key.text + "'",
                                  DidYouMean(key.text, {"name", "weight"})});
        }
      }
      const auto n = Name(*name);
      const auto w = WholeNumber(*weight, "a weight");
      if (n) AddPlayer(*name, *n, out);
      out.weights.push_back(w.value_or(0));
    }
  }

  void ReadListed(const DocNode& players, const DocNode& game, CoalitionFile& out) {
    if (players.kind != NodeKind::kList || players.items.empty()) {
      Problem(players, "`players` of a listed game is a non-empty list of names");
      return;
    }
    for (const DocNode& p : players.items) {
      if (const auto n = Name(p)) AddPlayer(p, *n, out);
    }
    if (game.kind != NodeKind::kList) {
      Problem(game, "`game` is a list of {coalition: [names], value: number}");
      return;
    }
    for (const DocNode& row : game.items) ReadWorth(row, out);
  }

  void ReadWorth(const DocNode& row, CoalitionFile& out) {
    const DocNode* coalition = row.kind == NodeKind::kMap ? row.Find("coalition") : nullptr;
    const DocNode* value = row.kind == NodeKind::kMap ? row.Find("value") : nullptr;
    if (!coalition || !value || coalition->kind != NodeKind::kList) {
      Problem(row, "a coalition's worth is written {coalition: [names], value: number}");
      return;
    }
    CoalitionFileWorth worth;
    for (const DocNode& member : coalition->items) {
      const auto it = member.kind == NodeKind::kScalar ? index_.find(member.text) : index_.end();
      if (it == index_.end()) {
        Problem(member, "'" + member.text + "' is not one of the players",
                DidYouMean(member.text, out.players));
        continue;
      }
      if (std::find(worth.members.begin(), worth.members.end(), it->second) !=
          worth.members.end()) {
        Problem(member, "'" + member.text + "' is named twice in this coalition");
      }
      worth.members.push_back(it->second);
    }
    std::vector<std::size_t> key = worth.members;
    std::sort(key.begin(), key.end());
    if (!listed_.emplace(key, 0).second) Problem(*coalition, "this coalition is listed twice");
    if (value->kind != NodeKind::kScalar || !IsExact(value->text)) {
      Problem(*value, "a coalition's value is an exact number such as 60, -2.75 or 1/3, not '" +
                          value->text + "'");
    }
    worth.value = value->text;
    out.game.push_back(std::move(worth));
  }

  // Optional '-', digits, then '.' and digits or '/' and digits (coalition::IsExactNumber).
  static bool IsExact(const std::string& text) {
    const std::string body = !text.empty() && text[0] == '-' ? text.substr(1) : text;
    const auto digits = [](const std::string& s) {
      return !s.empty() &&
             std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    };
    const std::size_t cut = body.find_first_of("./");
    if (cut == std::string::npos) return digits(body);
    const std::string after = body.substr(cut + 1);
    if (body[cut] == '/' && after.find_first_not_of('0') == std::string::npos) return false;
    return digits(body.substr(0, cut)) && digits(after);
  }

  std::string file_;
  std::vector<Diagnostic> diagnostics_;
  std::map<std::string, std::size_t> index_;
  std::map<std::vector<std::size_t>, int> listed_;
};

}  // namespace

CoalitionLoad ReadCoalitionText(std::string_view text, const std::string& file_name) {
  CoalitionLoad result;
  if (internal::FileTooLarge(text, file_name, result.diagnostics)) return result;
  internal::ParsedDoc doc = internal::LooksLikeJson(text) ? internal::ParseJson(text, file_name)
                                                          : internal::ParseYaml(text, file_name);
  result.diagnostics = std::move(doc.diagnostics);
  if (!doc.root || HasErrors(result.diagnostics)) return result;
  Reader reader(file_name);
  result.value = reader.Read(*doc.root);
  for (Diagnostic& d : reader.TakeDiagnostics()) result.diagnostics.push_back(std::move(d));
  return result;
}

CoalitionLoad LoadCoalitionFile(const std::string& path) {
  try {
    return ReadCoalitionText(ReadFile(path, kMaxFileBytes), path);
  } catch (const Error& e) {
    std::string message = e.what();
    if (message.rfind(path + ": ", 0) == 0) message = message.substr(path.size() + 2);
    CoalitionLoad result;
    result.diagnostics.push_back(
        {e.code() == ErrorCode::kLimit ? Severity::kLimit : Severity::kError, path, 0, 0, message,
         ""});
    return result;
  }
}

bool LooksLikeCase(const std::string& path) {
  try {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) return true;
    const std::string text = ReadFile(path, kMaxFileBytes);
    internal::ParsedDoc doc = internal::LooksLikeJson(text) ? internal::ParseJson(text, path)
                                                            : internal::ParseYaml(text, path);
    if (!doc.root || doc.root->kind != NodeKind::kMap) return false;
    return doc.root->Find("format") || doc.root->Find("parties") || doc.root->Find("issues");
  } catch (const Error&) {
    return false;
  }
}

}  // namespace parley::io
