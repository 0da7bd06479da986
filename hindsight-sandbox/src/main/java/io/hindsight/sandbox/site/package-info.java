/**
 * What every emulated product (Jira, Confluence, the sandbox's own views) shares and nothing else: the
 * site's flavour, one request and its answer, errors in each product's shape, and routing. It imports no
 * other sandbox package, so the products and the server above it form no cycle.
 */
package io.hindsight.sandbox.site;
