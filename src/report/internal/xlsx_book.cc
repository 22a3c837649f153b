#include "internal/xlsx_book.h"

#include <xlsxwriter.h>

#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include "parley/core/error.h"

namespace parley::report::internal {

namespace {

// The most characters a cell holds; counted here in bytes, which is never more than characters.
constexpr std::size_t kMaxCellBytes = 32767;

std::string Clip(const std::string& text) {
  if (text.size() <= kMaxCellBytes) return text;
  std::size_t end = kMaxCellBytes;
  // Step back over UTF-8 continuation bytes so that no character is cut in half.
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

}  // namespace

void XlsxSheet::Text(int row, int col, const std::string& text, CellStyle style) {
  if (text.empty()) return;
  const std::string clipped = Clip(text);
  book_->Check(worksheet_write_string(ws_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                                      clipped.c_str(), book_->Style(style)),
               "a text cell");
}

void XlsxSheet::Number(int row, int col, double x, CellStyle style) {
  if (!std::isfinite(x)) {
    Text(row, col, std::isnan(x) ? "n/a" : (x > 0 ? "\u221e" : "-\u221e"), style);
    return;
  }
  book_->Check(worksheet_write_number(ws_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                                      x, book_->Style(style)),
               "a number cell");
}

void XlsxSheet::Header(int row, const std::vector<std::string>& names) {
  for (std::size_t i = 0; i < names.size(); ++i) {
    Text(row, static_cast<int>(i), names[i], CellStyle::kBold);
  }
}

void XlsxSheet::Columns(int first, int last, double width, CellStyle style) {
  book_->Check(worksheet_set_column(ws_, static_cast<lxw_col_t>(first),
                                    static_cast<lxw_col_t>(last), width, book_->Style(style)),
               "a column width");
}

void XlsxSheet::Freeze(int rows) { worksheet_freeze_panes(ws_, static_cast<lxw_row_t>(rows), 0); }

XlsxBook::XlsxBook(const std::string& file, const std::string& path, const std::string& title,
                   std::time_t created)
    : path_(path) {
  wb_ = workbook_new(file.c_str());
  if (wb_ == nullptr) throw Error(ErrorCode::kIo, path_ + ": cannot start a workbook");
  std::string title_copy = Clip(title);
  std::string generator = "Parley";
  lxw_doc_properties properties = {};
  properties.title = title_copy.data();
  properties.author = generator.data();
  properties.created = created;
  Check(workbook_set_properties(wb_, &properties), "the document properties");

  const auto add = [&](CellStyle style) {
    lxw_format* f = workbook_add_format(wb_);
    if (f == nullptr) throw Error(ErrorCode::kIo, path_ + ": cannot add a cell format");
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    formats_[static_cast<int>(style)] = f;
    return f;
  };
  add(CellStyle::kPlain);
  format_set_text_wrap(add(CellStyle::kWrap));
  format_set_bold(add(CellStyle::kBold));
  lxw_format* title_format = add(CellStyle::kTitle);
  format_set_bold(title_format);
  format_set_font_size(title_format, 14);
  format_set_num_format(add(CellStyle::kMoney), "#,##0");
  format_set_num_format(add(CellStyle::kUtility), "0.0000");
  format_set_num_format(add(CellStyle::kPercent), "0.0%");
  format_set_num_format(add(CellStyle::kRatio), "0.00");
  format_set_num_format(add(CellStyle::kScore), "0.0");
  format_set_font_color(add(CellStyle::kPass), 0x00804A);
  format_set_font_color(add(CellStyle::kFail), LXW_COLOR_RED);
}

XlsxBook::~XlsxBook() {
  if (wb_ != nullptr) lxw_workbook_free(wb_);
}

XlsxSheet XlsxBook::AddSheet(const std::string& name) {
  lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
  if (ws == nullptr) throw Error(ErrorCode::kIo, path_ + ": cannot add the sheet " + name);
  return XlsxSheet(this, ws);
}

void XlsxBook::Check(int code, const char* what) {
  if (code == LXW_NO_ERROR || !first_error_.empty()) return;
  first_error_ =
      std::string("cannot write ") + what + ": " + lxw_strerror(static_cast<lxw_error>(code));
}

void XlsxBook::Close() {
  lxw_workbook* wb = wb_;
  wb_ = nullptr;
  if (!first_error_.empty()) {
    lxw_workbook_free(wb);
    throw Error(ErrorCode::kIo, path_ + ": " + first_error_);
  }
  const lxw_error closed = workbook_close(wb);  // writes the file and frees the workbook
  if (closed != LXW_NO_ERROR) {
    throw Error(ErrorCode::kIo, path_ + ": cannot write the workbook: " + lxw_strerror(closed));
  }
}

}  // namespace parley::report::internal
