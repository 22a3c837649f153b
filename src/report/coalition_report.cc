#include "parley/report/coalition_report.h"

#include <algorithm>
#include <sstream>
#include <vector>

#include "parley/core/text.h"

namespace parley::report {
namespace {

// Short column headers for the table, by index key.
struct Column {
  const char* key;
  const char* header;
};
constexpr Column kColumns[] = {
    {"shapley_value", "Shapley"},     {"shapley_shubik", "Sh-Shubik"},
    {"banzhaf", "Banzhaf"},           {"banzhaf_absolute", "Bz abs"},
    {"deegan_packel", "Deegan-P"},    {"public_good", "PGI"},
    {"johnston", "Johnston"},         {"coleman_prevent", "Col prev"},
    {"coleman_initiate", "Col init"},
};
constexpr std::size_t kMaxExactWidth = 24;

std::string Pad(const std::string& s, std::size_t width, bool right) {
  if (s.size() >= width) return s;
  const std::string fill(width - s.size(), ' ');
  return right ? fill + s : s + fill;
}

std::string Heading(const coalition::PowerIndices& r) {
  std::ostringstream out;
  out << (r.weighted ? "Weighted voting game" : "Game in characteristic-function form") << ", "
      << r.players.size() << (r.players.size() == 1 ? " player" : " players") << ".\n";
  if (!r.weighted && !r.simple) {
    out << "Not a simple game (worths other than 0 and 1, or not monotone): the Shapley value "
           "only.\n";
  }
  return out.str();
}

std::string Table(const coalition::PowerIndices& r) {
  std::size_t name_width = 6;
  for (const std::string& p : r.players) name_width = std::max(name_width, p.size());
  std::vector<std::pair<const char*, const coalition::PowerIndex*>> columns;
  for (const Column& c : kColumns) {
    if (const coalition::PowerIndex* index = r.Find(c.key)) columns.emplace_back(c.header, index);
  }
  std::ostringstream out;
  out << Pad("Player", name_width, false);
  for (const auto& [header, index] : columns) out << "  " << Pad(header, 9, true);
  out << '\n';
  for (std::size_t i = 0; i < r.players.size(); ++i) {
    out << Pad(r.players[i], name_width, false);
    for (const auto& [header, index] : columns) {
      out << "  " << Pad(text::Fixed(index->values[i].value, 4), 9, true);
    }
    out << '\n';
  }
  return out.str();
}

std::string ExactValues(const coalition::PowerIndices& r) {
  std::ostringstream out;
  out << "\nExact values:\n";
  for (const coalition::PowerIndex& index : r.indices) {
    out << "  " << index.name << ": ";
    for (std::size_t i = 0; i < index.values.size(); ++i) {
      out << (i ? ", " : "") << r.players[i] << ' ' << index.values[i].Text();
    }
    out << '\n';
  }
  return out.str();
}

bool ExactValuesAreShort(const coalition::PowerIndices& r) {
  for (const coalition::PowerIndex& index : r.indices) {
    for (const coalition::Fraction& f : index.values) {
      if (f.Text().size() > kMaxExactWidth) return false;
    }
  }
  return true;
}

}  // namespace

std::string RenderCoalitionText(const coalition::PowerIndices& r) {
  std::string out = Heading(r) + "\n" + Table(r);
  if (ExactValuesAreShort(r)) {
    out += ExactValues(r);
  } else {
    out += "\nExact fractions are long here: `--format json` gives them.\n";
  }
  if (r.simple) {
    out +=
        "\nNormalised (each sums to 1): Sh-Shubik, Banzhaf, Deegan-P(ackel), PGI (public good,\n"
        "Holler), Johnston. Not normalised: Bz abs (swings / 2^(n-1)), Col prev and Col init\n"
        "(Coleman's power to prevent and to initiate action).\n";
  }
  return out;
}

nlohmann::ordered_json CoalitionJson(const coalition::PowerIndices& r) {
  nlohmann::ordered_json j;
  j["game"] = r.weighted ? "weighted" : "characteristic_function";
  j["players"] = r.players;
  j["simple"] = r.simple;
  nlohmann::ordered_json indices = nlohmann::ordered_json::object();
  for (const coalition::PowerIndex& index : r.indices) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < index.values.size(); ++i) {
      list.push_back({{"player", r.players[i]},
                      {"fraction", index.values[i].Text()},
                      {"value", index.values[i].value}});
    }
    indices[index.key] = std::move(list);
  }
  j["indices"] = std::move(indices);
  return j;
}

}  // namespace parley::report
