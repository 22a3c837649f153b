// `parley serve`: the workbench's HTTP API (docs/serve.md) on cpp-httplib, with the store on
// SQLite, and the web page built from web/. Options and the listening loop only; the routes are
// in serve_routes.cc.
#include <httplib.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <thread>

#include "cli_common.h"
#include "parley/core/error.h"
#include "parley/store/store.h"
#include "serve_routes.h"

namespace parley::cli {

namespace {

struct ServeOptions {
  std::string db = "parley.db";
  std::string host = "127.0.0.1";
  int port = 8080;
  std::size_t time_limit = 30;
  std::size_t max_runs = ServeLimits::DefaultMaxRuns();
  std::string web;  // the built page; empty: WebDir's default
};

#ifndef PARLEY_WEB_DIST
#define PARLEY_WEB_DIST ""
#endif

// The folder the page is served from: --web when given, else <prefix>/share/parley/web next to
// an installed binary when it holds a page, else the build tree's web/dist (PARLEY_WEB_DIST).
std::string WebDir(const std::string& given) {
  if (!given.empty()) return given;
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const auto installed = exe.parent_path().parent_path() / "share" / "parley" / "web";
    if (std::filesystem::exists(installed / "index.html", ec)) return installed.string();
  }
  return PARLEY_WEB_DIST;
}

// Serves the page's files at / from `dir`; when it holds no built page, / answers how to build
// it. The API's routes are matched only when no file of the page has the path.
void AddPage(httplib::Server& server, const std::string& dir) {
  std::error_code ec;
  if (!dir.empty() && std::filesystem::exists(std::filesystem::path(dir) / "index.html", ec) &&
      server.set_mount_point("/", dir)) {
    return;
  }
  const std::string html =
      "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Parley workbench</title>"
      "<h1>The Parley workbench page is not built</h1><p>Build it once with <code>cd web "
      "&amp;&amp; "
      "npm ci &amp;&amp; npm run build</code>, then restart <code>parley serve</code> (or give "
      "<code>--web DIR</code>). The JSON API answers at <code>/api/</code> meanwhile "
      "(docs/serve.md).</p></html>\n";
  server.Get("/", [html](const httplib::Request&, httplib::Response& res) {
    res.set_content(html, "text/html; charset=utf-8");
  });
}

// Listens until SIGINT or SIGTERM, then stops cleanly. Returns the exit code.
int Serve(Io& io, const ServeOptions& opts) {
  // The signals are taken by sigwait below, on this thread; every thread started from here on
  // (the server's) inherits the mask and never sees them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  store::Store store = store::Store::Open(opts.db);
  httplib::Server server;
  ServeLimits limits;
  limits.run_time = std::chrono::seconds(opts.time_limit);
  limits.max_runs = opts.max_runs;
  AddRoutes(server, store, limits);
  AddPage(server, WebDir(opts.web));
  const int port = opts.port == 0 ? server.bind_to_any_port(opts.host)
                                  : (server.bind_to_port(opts.host, opts.port) ? opts.port : -1);
  if (port < 0) {
    throw Error(ErrorCode::kIo, "cannot listen on " + opts.host + ":" + std::to_string(opts.port));
  }
  io.data_out = true;  // the address goes out at once, not at exit
  io.out << "parley serve: listening on http://" << opts.host << ':' << port << " (store "
         << store::ShownLocation(opts.db) << ")" << std::endl;
  std::cout.flush();
  std::thread listener([&server] {
    server.listen_after_bind();
    ::kill(::getpid(), SIGTERM);  // the loop ended on its own: end the wait below too
  });
  int signal = 0;
  sigwait(&stop_signals, &signal);
  server.stop();
  listener.join();
  io.out << "parley serve: stopped" << std::endl;
  return kExitOk;
}

}  // namespace

void AddServeCommand(CLI::App& app, Io& /*io*/, Action& action) {
  auto opts = std::make_shared<ServeOptions>();
  auto* cmd = app.add_subcommand("serve", "Serve the workbench's JSON API over HTTP");
  cmd->add_option("--db", opts->db,
                  "The store: an SQLite file, created on first use, or a postgresql:// URL; a "
                  "store with users (parley users) asks every /api request for a token")
      ->default_str("parley.db");
  cmd->add_option("--host", opts->host, "The address to listen on (loopback unless told)")
      ->default_str("127.0.0.1");
  cmd->add_option("--port", opts->port, "The port; 0 picks a free one (printed)")
      ->default_val(8080)
      ->check(WholeNumberIn(0, 65535, "0 to 65,535"));
  cmd->add_option("--time-limit", opts->time_limit,
                  "Seconds an analysis may take before the request answers 503, 1 to 3,600")
      ->default_val(30)
      ->check(WholeNumberIn(1, 3600, "1 to 3,600"));
  cmd->add_option("--max-runs", opts->max_runs,
                  "Analyses running at once before a request answers 503 busy, 1 to 1,024 "
                  "(default: twice the hardware threads)")
      ->default_str(std::to_string(ServeLimits::DefaultMaxRuns()))
      ->check(WholeNumberIn(1, 1024, "1 to 1,024"));
  cmd->add_option("--web", opts->web,
                  "The built web page to serve at / (default: the installed page, else web/dist "
                  "of the build's source tree)");
  cmd->footer(
      "Answers the routes of docs/serve.md: GET /api/health, POST /api/run/COMMAND (the JSON of\n"
      "`parley COMMAND CASE --format json` for the case in the body), and /api/cases for cases\n"
      "kept with every version in the store, and the web page at / (built by `cd web && npm ci\n"
      "&& npm run build`). Bodies over 4 MiB are refused (413). Prints the\n"
      "address it listens on; stops cleanly on Ctrl-C (SIGINT) or SIGTERM.\n\n"
      "Examples:\n"
      "  parley serve\n"
      "  parley serve --db team.db --port 0\n"
      "  curl -s localhost:8080/api/health");
  cmd->callback([&action, opts] { action = [opts](Io& io) { return Serve(io, *opts); }; });
}

}  // namespace parley::cli
