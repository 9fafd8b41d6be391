// The report form without a build step: wards follow the chosen district, photos are checked
// before upload. The form works without this script; the server checks everything again.
(function () {
  "use strict";
  var district = document.getElementById("district");
  var ward = document.getElementById("ward");
  var photos = document.getElementById("photos");
  var note = document.getElementById("emergency-note");

  if (district && ward) {
    var all = Array.prototype.slice.call(ward.querySelectorAll("option[data-district]"));
    var kept = ward.value; // the ward the server re-showed, before the groups go
    var fill = function (chosen) {
      while (ward.options.length > 1) ward.remove(1);
      all.forEach(function (option) {
        if (option.getAttribute("data-district") === district.value) ward.add(option);
      });
      ward.value = chosen;
      if (ward.value !== chosen) ward.value = "";
      ward.disabled = !district.value;
    };
    Array.prototype.slice.call(ward.querySelectorAll("optgroup")).forEach(function (group) {
      group.parentNode.removeChild(group);
    });
    district.addEventListener("change", function () { fill(ward.value); });
    fill(kept);
  }

  Array.prototype.slice.call(document.querySelectorAll('input[name="category"]')).forEach(function (radio) {
    radio.addEventListener("change", function () {
      if (note) note.hidden = !(radio.checked && radio.value === "emergency");
    });
    if (note && radio.checked && radio.value === "emergency") note.hidden = false;
  });

  if (photos) {
    var maxBytes = Number(photos.getAttribute("data-max-bytes"));
    var maxFiles = Number(photos.getAttribute("data-max-files"));
    var message = document.createElement("p");
    message.className = "error";
    message.id = "photos-check";
    message.setAttribute("aria-live", "polite");
    photos.parentNode.insertBefore(message, photos);
    photos.addEventListener("change", function () {
      var problems = [];
      var files = Array.prototype.slice.call(photos.files || []);
      if (files.length > maxFiles) problems.push("Chỉ gửi được tối đa " + maxFiles + " ảnh.");
      files.forEach(function (file) {
        if (file.size > maxBytes) {
          problems.push("Ảnh “" + file.name + "” lớn hơn " + Math.floor(maxBytes / 1048576) + " MB.");
        }
      });
      message.textContent = problems.join(" ");
      if (problems.length) {
        photos.setAttribute("aria-invalid", "true");
        photos.setAttribute("aria-describedby", "photos-check");
      } else {
        photos.removeAttribute("aria-invalid");
      }
    });
  }
})();
