// The report toolbar's Print button (an inline handler would be refused by the Content-Security-Policy).
document.addEventListener('click', event => {
    if (event.target.closest('[data-print]')) {
        event.preventDefault();
        window.print();
    }
});
