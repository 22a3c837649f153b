// `parley users`: the users of a store in team mode (docs/serve.md, "Team mode"): `users add`
// adds one and prints their token, once; `users list` lists them, never with tokens.
#include <algorithm>
#include <memory>
#include <ostream>
#include <string>

#include "cli_common.h"
#include "parley/store/store.h"

namespace parley::cli {

namespace {

struct UsersOptions {
  std::string db = "parley.db";
  std::string name;
  std::string team;
  std::string role = "editor";
};

// Prints only the token on stdout (a script captures it with $(...)); the note goes to stderr.
int AddUser(Io& io, const UsersOptions& opts) {
  const store::Role role = store::ParseRole(opts.role).value_or(store::Role::kViewer);
  store::Store s = store::Store::Open(opts.db);
  const std::string token = s.AddUser(opts.name, opts.team, role);
  io.data_out = true;
  io.out << token << '\n';
  io.err << "parley users: added " << opts.name << ", " << store::RoleName(role) << " of team "
         << opts.team << ". The token above is shown only this once (the store keeps its hash):\n"
         << "send it as Authorization: Bearer TOKEN.\n";
  return kExitOk;
}

// One line per user: name, team, role, when added, in aligned columns.
int ListUsers(Io& io, const UsersOptions& opts) {
  store::Store s = store::Store::Open(opts.db);
  const std::vector<store::UserInfo> users = s.Users();
  if (users.empty()) {
    io.out << "no users: the store is open to anyone who reaches the server (no team mode)\n";
    return kExitOk;
  }
  std::size_t name_width = 4;
  std::size_t team_width = 4;
  for (const store::UserInfo& u : users) {
    name_width = std::max(name_width, u.name.size());
    team_width = std::max(team_width, u.team.size());
  }
  const auto row = [&](std::string_view name, std::string_view team, std::string_view role,
                       std::string_view added) {
    io.out << name << std::string(name_width - name.size() + 2, ' ') << team
           << std::string(team_width - team.size() + 2, ' ') << role
           << std::string(8 - std::min<std::size_t>(role.size(), 6), ' ') << added << '\n';
  };
  row("user", "team", "role", "added");
  for (const store::UserInfo& u : users) row(u.name, u.team, store::RoleName(u.role), u.created_at);
  return kExitOk;
}

CLI::Validator RoleCheck() {
  return CLI::Validator(
      [](const std::string& text) {
        return store::ParseRole(text) ? std::string()
                                      : "must be owner, editor or viewer, not '" + text + "'";
      },
      "owner|editor|viewer", "role");
}

}  // namespace

void AddUsersCommand(CLI::App& app, Io& /*io*/, Action& action) {
  auto opts = std::make_shared<UsersOptions>();
  auto* cmd = app.add_subcommand("users", "Add and list the users of a store (team mode)");
  cmd->require_subcommand(1);
  cmd->footer(
      "Once a store has a user, `parley serve` on it asks every /api request (but /api/health)\n"
      "for a token (Authorization: Bearer TOKEN) and shows each user only their team's cases\n"
      "(docs/serve.md, Team mode).\n\n"
      "Examples:\n"
      "  parley users add ana --team acme --role owner --db postgresql:///parley\n"
      "  TOKEN=$(parley users add ben --team acme --role viewer --db team.db)\n"
      "  parley users list --db team.db");

  auto* add = cmd->add_subcommand("add", "Add a user to a team and print their token, once");
  add->add_option("NAME", opts->name, "The user's name, unique in the store")
      ->required()
      ->check(NotEmpty("NAME"));
  add->add_option("--team", opts->team, "The user's team, created when new")
      ->required()
      ->check(NotEmpty("--team"));
  add->add_option("--role", opts->role, "owner, editor (reads and saves) or viewer (reads)")
      ->default_str("editor")
      ->check(RoleCheck());
  add->add_option("--db", opts->db, "The store: an SQLite file or a postgresql:// URL")
      ->default_str("parley.db");
  add->callback([&action, opts] { action = [opts](Io& io) { return AddUser(io, *opts); }; });

  auto* list = cmd->add_subcommand("list", "List the users: name, team, role, when added");
  list->add_option("--db", opts->db, "The store: an SQLite file or a postgresql:// URL")
      ->default_str("parley.db");
  list->callback([&action, opts] { action = [opts](Io& io) { return ListUsers(io, *opts); }; });
}

}  // namespace parley::cli
