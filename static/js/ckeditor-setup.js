// The article editor: Vietnamese for what CKEditor's own catalogue leaves in
// English, and images inserted from the image dialog at most as wide as the
// article column (config.contentWidth; pasted images get that width from the
// upload's answer, see news.views.editor_upload).
(function () {
  "use strict";
  var VI = {
    application: "Trình soạn thảo văn bản",
    format: {
      tag_p: "Đoạn văn",
      tag_h1: "Tiêu đề trang",
      tag_h2: "Tiêu đề lớn",
      tag_h3: "Tiêu đề vừa",
      tag_h4: "Tiêu đề nhỏ",
      tag_h5: "Tiêu đề cấp 5",
      tag_h6: "Tiêu đề cấp 6",
      tag_pre: "Đoạn giữ nguyên định dạng",
      tag_address: "Địa chỉ",
      tag_div: "Khối (DIV)",
    },
    link: {
      displayText: "Chữ hiển thị",
      download: "Buộc tải về",
      toUrl: "Địa chỉ (URL)",
      toPhone: "Điện thoại",
      phoneNumber: "Số điện thoại",
      noTel: "Hãy nhập số điện thoại",
    },
    table: { heightUnit: "đơn vị chiều cao" },
    uploadwidget: {
      abort: "Đã hủy tải lên.",
      doneOne: "Đã tải tệp lên.",
      doneMany: "Đã tải lên %1 tệp.",
      uploadOne: "Đang tải tệp lên ({percentage}%)...",
      uploadMany: "Đang tải tệp lên: xong {current}/{max} ({percentage}%)...",
    },
    clipboard: {
      pasteNotification:
        "Bấm %1 để dán. Trình duyệt không cho dán bằng nút trên thanh công cụ hay trình đơn chuột phải.",
      pasteMsg: "Dán nội dung vào ô dưới đây rồi bấm OK.",
      fileFormatNotSupportedNotification: "Không nhận định dạng tệp ${formats}.",
      fileWithoutFormatNotSupportedNotification: "Không nhận định dạng tệp này.",
    },
    notification: { closed: "Đã đóng thông báo." },
  };

  function merge(target, source) {
    Object.keys(source).forEach(function (key) {
      if (typeof source[key] === "object") {
        target[key] = target[key] || {};
        merge(target[key], source[key]);
      } else {
        target[key] = source[key];
      }
    });
  }

  function translate(editor) {
    if (editor.langCode !== "vi") return;
    merge(editor.lang, VI);
    if (editor.lang.link && editor.lang.link.anchor) {
      editor.lang.link.anchor.errorWhitespace = "Tên điểm neo không được có khoảng trắng";
    }
    if (editor.lang.table && editor.lang.table.cell) {
      editor.lang.table.cell.columnHeader = "Tiêu đề cột";
      editor.lang.table.cell.rowHeader = "Tiêu đề hàng";
    }
    if (editor.lang.toolbar && editor.lang.toolbar.toolbarGroups) {
      editor.lang.toolbar.toolbarGroups.clipboard = "Bộ nhớ tạm/Hoàn tác";
    }
  }

  // An image chosen in the dialog comes with its natural size (a 1,200 px photo
  // would overflow the column): scale it down to the content width on OK.
  function limitImageWidth(dialog, editor) {
    var max = parseInt(editor.config.contentWidth, 10) || 760;
    var widthField = dialog.getContentElement("info", "width");
    var heightField = dialog.getContentElement("info", "height");
    if (!widthField) return;
    var width = parseInt(widthField.getValue(), 10);
    var height = heightField ? parseInt(heightField.getValue(), 10) : NaN;
    if (width > max) {
      widthField.setValue(String(max));
      if (heightField && height > 0) {
        heightField.setValue(String(Math.round((height * max) / width)));
      }
    }
  }

  function install() {
    if (!window.CKEDITOR || window.CKEDITOR.portalSetup) return;
    window.CKEDITOR.portalSetup = true;
    window.CKEDITOR.on("instanceCreated", function (event) {
      event.editor.on("langLoaded", function () {
        translate(event.editor);
      });
    });
    Object.values(window.CKEDITOR.instances).forEach(function (editor) {
      if (editor.lang) translate(editor);
    });
    window.CKEDITOR.on("dialogDefinition", function (event) {
      if (event.data.name !== "image2") return;
      var definition = event.data.definition;
      var onOk = definition.onOk;
      definition.onOk = function () {
        limitImageWidth(this, event.editor);
        return onOk ? onOk.apply(this, arguments) : true;
      };
    });
  }
  install();
  document.addEventListener("DOMContentLoaded", install);
  window.addEventListener("load", install);
})();
