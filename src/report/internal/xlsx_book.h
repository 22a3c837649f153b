#pragma once

// A thin C++ layer over libxlsxwriter: a workbook that owns its handle, a fixed set of cell
// styles, and sheets that write text and numbers (numbers that are not finite become text, so
// the XML stays valid). Errors are collected and reported once, by Close().

#include <array>
#include <cstdint>
#include <ctime>
#include <string>
#include <vector>

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace parley::report::internal {

/// The cell styles every workbook of Parley offers. All align to the top of the cell.
enum class CellStyle {
  kPlain,    ///< general
  kWrap,     ///< text wrapped in the column's width
  kBold,     ///< table headers and row labels
  kTitle,    ///< the sheet's title: bold, larger
  kMoney,    ///< #,##0
  kUtility,  ///< 0.0000 (utilities and utility-form values)
  kPercent,  ///< 0.0%
  kRatio,    ///< 0.00
  kScore,    ///< 0.0 (power scores on the 0..5 scale)
  kPass,     ///< green text
  kFail,     ///< red text
};
inline constexpr int kCellStyleCount = 11;

class XlsxBook;

/// One worksheet of an XlsxBook; a cheap handle, valid while its book lives.
class XlsxSheet {
 public:
  /// Text at (row, col), both 0-based; an empty text leaves the cell empty. Text longer than a
  /// cell holds (32,767 characters) is cut at a UTF-8 character boundary.
  void Text(int row, int col, const std::string& text, CellStyle style = CellStyle::kPlain);
  /// A number; +inf, -inf and NaN are written as the texts "∞", "-∞" and "n/a".
  void Number(int row, int col, double x, CellStyle style = CellStyle::kPlain);
  /// A bold header row starting at column 0.
  void Header(int row, const std::vector<std::string>& names);
  /// Width (in characters) and default style of columns first..last.
  void Columns(int first, int last, double width, CellStyle style = CellStyle::kPlain);
  /// Keeps the first `rows` rows in view while scrolling.
  void Freeze(int rows);

 private:
  friend class XlsxBook;
  XlsxSheet(XlsxBook* book, lxw_worksheet* ws) : book_(book), ws_(ws) {}
  XlsxBook* book_;
  lxw_worksheet* ws_;
};

/// A workbook written to `file` when Close() is called. Destroying it before Close() frees it
/// without writing anything.
class XlsxBook {
 public:
  /// `file` is where Close() writes; `path` is the name used in error messages. `created` is
  /// the creation time stored in the document properties (fixed, for reproducible bytes).
  XlsxBook(const std::string& file, const std::string& path, const std::string& title,
           std::time_t created);
  ~XlsxBook();
  XlsxBook(const XlsxBook&) = delete;
  XlsxBook& operator=(const XlsxBook&) = delete;

  /// A new sheet named `name` (at most 31 characters, none of []:*?/\), after the others.
  XlsxSheet AddSheet(const std::string& name);

  /// Writes the file. Throws Error(kIo) naming `path` when a cell could not be written or the
  /// file could not be created; the workbook is freed either way.
  void Close();

 private:
  friend class XlsxSheet;
  void Check(int lxw_error_code, const char* what);
  lxw_format* Style(CellStyle style) const { return formats_[static_cast<int>(style)]; }

  std::string path_;
  lxw_workbook* wb_ = nullptr;
  std::array<lxw_format*, kCellStyleCount> formats_{};
  std::string first_error_;
};

}  // namespace parley::report::internal
