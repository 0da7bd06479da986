/*
 * Hindsight's checker panel, kept current after an inline edit: Jira does not re-render a web panel when a
 * field is edited in place, so on Jira's issue refresh events this asks the app's REST resource
 * (POST /rest/hindsight/1.0/lint {"issueKey": ...}) and redraws the completeness, the missing sections and
 * the findings. Every text is set with textContent: findings quote the author's own sentences.
 */
(function () {
    'use strict';
    var LINT = '/rest/hindsight/1.0/lint';

    function panel() {
        return document.querySelector('.hindsight-checker[data-hindsight-live]');
    }

    function element(tag, className, text) {
        var e = document.createElement(tag);
        if (className) e.className = className;
        if (text !== undefined && text !== null) e.textContent = String(text);
        return e;
    }

    function clear(node) {
        while (node.firstChild) node.removeChild(node.firstChild);
    }

    function finding(f, texts) {
        var li = element('li', 'hindsight-finding hindsight-' + String(f.level).replace(/[^a-z]/g, ''));
        li.appendChild(element('strong', null, f.rule));
        li.appendChild(document.createTextNode((f.section ? ' (' + f.section + ')' : '') + ': ' + f.message));
        if (f.excerpt) li.appendChild(element('blockquote', null, f.excerpt));
        if (f.suggestion) li.appendChild(element('p', 'hindsight-suggestion', texts.suggestion + ' ' + f.suggestion));
        return li;
    }

    /** Redraws the parts of the panel the template marks, from the lint resource's answer. */
    function render(root, result) {
        var texts = {
            errors: root.getAttribute('data-text-errors') || '',
            suggestion: root.getAttribute('data-text-suggestion') || '',
            clean: root.getAttribute('data-text-clean') || '',
            missing: root.getAttribute('data-text-missing') || ''
        };
        var percent = root.querySelector('.hindsight-percent');
        if (percent && result.completeness) percent.textContent = result.completeness.percentFilled + '%';

        var missing = root.querySelector('.hindsight-missing-block');
        if (missing) {
            clear(missing);
            var sections = (result.completeness && result.completeness.missingRequired) || [];
            if (sections.length) {
                missing.appendChild(element('p', null, texts.missing));
                var ul = element('ul', 'hindsight-missing');
                sections.forEach(function (s) { ul.appendChild(element('li', null, s)); });
                missing.appendChild(ul);
            }
        }

        var block = root.querySelector('.hindsight-findings-block');
        if (!block) return;
        clear(block);
        var findings = result.findings || [];
        if (!findings.length) {
            block.appendChild(element('p', 'hindsight-clean', texts.clean));
            return;
        }
        if (result.errors > 0) block.appendChild(element('p', 'hindsight-blocking', texts.errors + ' ' + result.errors));
        var list = element('ul', 'hindsight-findings');
        findings.forEach(function (f) { list.appendChild(finding(f, texts)); });
        block.appendChild(list);
    }

    function refresh() {
        var root = panel();
        if (!root) return;
        var key = root.getAttribute('data-issue-key');
        if (!key) return;
        var base = (window.AJS && AJS.contextPath) ? AJS.contextPath() : '';
        // JSON body: Jira's XSRF check refuses form-encoded posts to REST resources, and the resource takes JSON only
        fetch(base + LINT, {
            method: 'POST',
            credentials: 'same-origin',
            headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
            body: JSON.stringify({issueKey: key})
        }).then(function (response) {
            if (!response.ok) throw new Error('lint answered ' + response.status);
            return response.json();
        }).then(function (result) {
            render(root, result);
        }).catch(function () {
            // the panel keeps what it showed; the next refresh tries again
        });
    }

    window.HindsightCheckerPanel = {render: render, refresh: refresh};

    if (window.JIRA && JIRA.bind && JIRA.Events) {
        JIRA.bind(JIRA.Events.ISSUE_REFRESHED, function () { refresh(); });
        JIRA.bind(JIRA.Events.NEW_CONTENT_ADDED, function (e, context, reason) {
            if (JIRA.CONTENT_ADDED_REASON && reason === JIRA.CONTENT_ADDED_REASON.panelRefreshed) refresh();
        });
    }
}());
