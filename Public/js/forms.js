// Live character counters for long fields. The limit itself is the field's maxlength (and the
// server's check), so without JavaScript nothing is lost; this only shows how much room is left.
(function () {
  var korean = document.documentElement.lang === "ko";
  var fields = document.querySelectorAll("textarea[maxlength]");
  Array.prototype.forEach.call(fields, function (field) {
    var max = parseInt(field.getAttribute("maxlength"), 10);
    if (!max) return;
    var counter = document.createElement("p");
    counter.className = "counter";
    counter.id = (field.id || "field") + "-counter";
    field.insertAdjacentElement("afterend", counter);
    function update() {
      var used = field.value.length;
      counter.textContent = korean
        ? used.toLocaleString("ko-KR") + " / " + max.toLocaleString("ko-KR") + "자"
        : used.toLocaleString("en-GB") + " / " + max.toLocaleString("en-GB") + " characters";
      counter.classList.toggle("counter-full", used >= max);
    }
    field.addEventListener("input", update);
    update();
  });
  // A form that asks for confirmation (finalising a stage, withdrawing) says what it will do first.
  Array.prototype.forEach.call(document.querySelectorAll("form[data-confirm]"), function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.getAttribute("data-confirm"))) event.preventDefault();
    });
  });
})();
