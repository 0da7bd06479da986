package io.hindsight.atlassian.agile;

import io.hindsight.atlassian.jira.JiraModel.Board;

import java.util.List;

/** The board operations provisioning and reports need. */
public interface Boards {
    List<Board> findBoards(String name);

    Board createBoard(String name, long filterId, String projectKey);
}
